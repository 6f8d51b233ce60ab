package coop.plenum.pages;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import coop.plenum.support.PageSession;
import org.springframework.http.MediaType;

import java.time.LocalDate;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Page tests: a signed-in secretary and member of a two-class cooperative, with proposals made through the API. */
abstract class PageScenario extends BootedPlenum {

    protected Cooperators steps;
    protected String alice;
    protected String aliceId;
    protected String coop;
    protected String aliceMember;

    protected void aliceFoundsACooperative() {
        steps = new Cooperators(http);
        alice = unique("alice");
        aliceId = createAccount(alice, "Alice");
        coop = foundCooperative(riverside(aliceId));
        aliceMember = steps.memberIdOf(alice, coop, aliceId);
    }

    protected PageSession signedIn(String username) {
        return PageSession.signIn(http, username);
    }

    protected String proposal(String cooperative, String title) {
        JsonNode created = http.post().uri("/api/v1/cooperatives/{c}/proposals", cooperative).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"" + title + "\",\"body\":\"b\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.get("proposalId").asText();
    }

    protected String openProposal(String cooperative, String title) {
        String p = proposal(cooperative, title);
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", cooperative, p).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        return p;
    }

    /** A GENERAL proposal on energy by the secretary; {@code extraJson} adds fields (",\"votingClosesAt\":…"). */
    protected String propose(AliceAndBob r, String title, String extraJson) {
        JsonNode created = http.post().uri("/api/v1/cooperatives/{c}/proposals", r.coop()).headers(as(r.alice()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"" + title + "\",\"body\":\"b\",\"topic\":\"energy\",\"kind\":\"GENERAL\"" + extraJson + "}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.get("proposalId").asText();
    }

    /** The secretary moves a proposal on ("opening", "closing") through the API. */
    protected void act(AliceAndBob r, String proposal, String action) {
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/{a}", r.coop(), proposal, action).headers(as(r.alice()))
                .exchange().expectStatus().isNoContent();
    }

    /** A yes/no ballot cast through the API by the member themselves. */
    protected void vote(AliceAndBob r, String proposal, String who, String member, String choice) {
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", r.coop(), proposal, member).headers(as(who))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"" + choice + "\"}").exchange()
                .expectStatus().is2xxSuccessful();
    }

    protected String contribution(String cooperative, String username) {
        JsonNode created = http.post().uri("/api/v1/cooperatives/{c}/contributions", cooperative).headers(as(username))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"project\":\"depot\",\"type\":\"WORK_HOURS\",\"quantity\":\"2\",\"description\":\"wiring\",\"occurredOn\":\""
                        + LocalDate.now().minusDays(1) + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.get("contributionId").asText();
    }

    /** A page, never Spring's fallback page or a stack trace. */
    protected static void isAPlenumPage(PageSession.Answer answer) {
        assertThat(answer.isHtml()).as("an HTML page: %s", answer).isTrue();
        assertThat(answer.body()).contains("Plenum").doesNotContain("Whitelabel").doesNotContain("Exception")
                .doesNotContain("\tat ");
    }
}
