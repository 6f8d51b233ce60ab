package coop.plenum.pages;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.Cooperators;
import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.Map;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: suspending a member, rejecting an application, closing a vote and withdrawing a proposal ask first, with
 * no JavaScript needed: the button's post answers with a page that says what will happen and stores nothing; only
 * the confirmed post acts.
 */
class HardToUndoActionsAskFirstTest extends PageScenario {

    private AliceAndBob r;
    private PageSession secretary;

    @BeforeEach
    void riverside() {
        r = riversideWithAliceAndBob();
        secretary = signedIn(r.alice());
    }

    private String proposal(boolean open) {
        JsonNode created = http.post().uri("/api/v1/cooperatives/{c}/proposals", r.coop()).headers(as(r.alice()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Solar roof\",\"body\":\"b\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String p = created.get("proposalId").asText();
        if (open) {
            http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", r.coop(), p).headers(as(r.alice()))
                    .exchange().expectStatus().isNoContent();
        }
        return p;
    }

    private String proposalState(String p) {
        return http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}", r.coop(), p).headers(as(r.alice())).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("state").asText();
    }

    private String memberStatus(String member) {
        return http.get().uri("/api/v1/cooperatives/{c}/members/{m}", r.coop(), member).headers(as(r.alice())).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("status").asText();
    }

    /** The confirm step: a page with the question and a second form that carries confirmed=yes to the same action. */
    private static void asksFirst(PageSession.Answer answer, String question, String action) {
        assertThat(answer.code()).as("%s", answer).isEqualTo(200);
        isAPlenumPage(answer);
        assertThat(answer.body()).contains("id=\"confirm-question\"").contains(question)
                .contains("action=\"" + action + "\"").contains("name=\"confirmed\" value=\"yes\"").contains("id=\"cancel\"");
    }

    @Test
    void closingAVoteAsksFirstAndOnlyTheConfirmedPostCloses() {
        String p = proposal(true);
        String path = "/cooperatives/" + r.coop() + "/proposals/" + p;
        asksFirst(secretary.post(path + "/close", Map.of()), "Close the vote on “Solar roof” now?", path + "/close");
        assertThat(proposalState(p)).isEqualTo("VOTING");
        assertThat(secretary.post(path + "/close", Map.of("confirmed", "yes")).code()).isEqualTo(303);
        assertThat(proposalState(p)).isEqualTo("CLOSED");
    }

    @Test
    void withdrawingAProposalAsksFirstAndOnlyTheConfirmedPostWithdraws() {
        String p = proposal(false);
        String path = "/cooperatives/" + r.coop() + "/proposals/" + p;
        asksFirst(secretary.post(path + "/withdraw", Map.of()), "Withdraw “Solar roof”?", path + "/withdraw");
        assertThat(proposalState(p)).isEqualTo("DELIBERATION");
        assertThat(secretary.post(path + "/withdraw", Map.of("confirmed", "yes")).code()).isEqualTo(303);
        assertThat(proposalState(p)).isEqualTo("WITHDRAWN");
    }

    @Test
    void suspendingAMemberAsksFirstAndOnlyTheConfirmedPostSuspends() {
        String path = "/cooperatives/" + r.coop() + "/members/" + r.bobMember();
        asksFirst(secretary.post(path + "/suspend", Map.of()), "Suspend Bob Member?", path + "/suspend");
        assertThat(memberStatus(r.bobMember())).isEqualTo("ACTIVE");
        assertThat(secretary.post(path + "/suspend", Map.of("confirmed", "yes")).code()).isEqualTo(303);
        assertThat(memberStatus(r.bobMember())).isEqualTo("SUSPENDED");
    }

    @Test
    void rejectingAnApplicationAsksFirstAndOnlyTheConfirmedPostRejects() {
        String cara = unique("cara");
        createAccount(cara, "Cara Applicant");
        String caraMember = new Cooperators(http).apply(r.coop(), cara, "users");
        String path = "/cooperatives/" + r.coop() + "/members/" + caraMember;
        asksFirst(secretary.post(path + "/reject", Map.of()), "Reject Cara Applicant’s application?", path + "/reject");
        assertThat(memberStatus(caraMember)).isEqualTo("APPLIED");
        assertThat(secretary.post(path + "/reject", Map.of("confirmed", "yes")).code()).isEqualTo(303);
        assertThat(memberStatus(caraMember)).isEqualTo("REJECTED");
    }

    @Test
    void admittingAndOpeningStillTakeOneClick() {
        String p = proposal(false);
        assertThat(secretary.post("/cooperatives/{c}/proposals/{p}/open", Map.of(), r.coop(), p).code()).isEqualTo(303);
        assertThat(proposalState(p)).isEqualTo("VOTING");
    }
}
