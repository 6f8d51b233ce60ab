package coop.plenum.pages;

import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: what a person types into a page can be refused, never crash the page. Each refusal answers 400 with
 * the form shown again, what was typed still in it, and the reason; nothing is stored.
 */
class RefusedPageFormsAreShownAgainTest extends PageScenario {

    private PageSession page;

    @BeforeEach
    void aliceIsSignedIn() {
        aliceFoundsACooperative();
        page = signedIn(alice);
    }

    private static Map<String, String> proposalForm(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("title", "Solar roof", "body", "Panels on the depot",
                "topic", "energy", "kind", "GENERAL"));
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                form.remove(pairs[i]);
            } else {
                form.put(pairs[i], pairs[i + 1]);
            }
        }
        return form;
    }

    private PageSession.Answer refusedProposal(Map<String, String> form) {
        long before = eventsInTheLog();
        PageSession.Answer answer = page.post("/cooperatives/{c}/proposals", form, coop);
        assertThat(answer.code()).as("%s", answer).isEqualTo(400);
        isAPlenumPage(answer);
        assertThat(answer.body()).as("the form again, as typed").contains("id=\"submit-proposal\"").contains("Panels on the depot");
        assertThat(eventsInTheLog()).as("nothing stored").isEqualTo(before);
        return answer;
    }

    @Test
    void aProposalOfAnUnknownKindIsShownAgainWithTheReason() {
        PageSession.Answer answer = refusedProposal(proposalForm("kind", "FOO"));
        assertThat(answer.body()).contains("value=\"Solar roof\"").contains("kind is one of");
    }

    @Test
    void aVotingDateThatIsNotADateIsShownAgainWithTheReason() {
        PageSession.Answer answer = refusedProposal(proposalForm("votingOpensAt", "tomorrow"));
        assertThat(answer.body()).contains("value=\"tomorrow\"").contains("written like 2026-05-01T18:00");
    }

    @Test
    void aCharterAmendmentWithoutACharterIsShownAgainWithTheReason() {
        PageSession.Answer answer = refusedProposal(proposalForm("kind", "CHARTER_AMENDMENT"));
        assertThat(answer.body()).contains("charter");
        refusedProposal(proposalForm("kind", "CHARTER_AMENDMENT", "charter", "{}"));
        refusedProposal(proposalForm("kind", "CHARTER_AMENDMENT", "charter", "null"));
        refusedProposal(proposalForm("kind", "CHARTER_AMENDMENT", "charter", "{\"classes\":[{}]}"));
        refusedProposal(proposalForm("kind", "CHARTER_AMENDMENT", "charter", "[1,2]"));
    }

    @Test
    void anAdmissionWithoutAnApplicantIsShownAgainWithTheReason() {
        PageSession.Answer answer = refusedProposal(proposalForm("kind", "ADMISSION"));
        assertThat(answer.body()).contains("choose the applicant to admit");
    }

    @Test
    void aProposalTitleWithControlCharactersIsShownAgainWithTheReason() {
        PageSession.Answer answer = refusedProposal(proposalForm("title", "Solar\u0000roof"));
        assertThat(answer.body()).contains("control character");
        refusedProposal(proposalForm("title", "Solar\u0007roof"));
    }

    @Test
    void aBallotWithAChoiceThatIsNoChoiceIsRefusedOnTheProposalPage() {
        String p = openProposal(coop, "Solar roof");
        for (Map<String, String> ballot : new Map[]{Map.of("memberId", aliceMember, "choice", "MAYBE"), Map.of("memberId", aliceMember),
                Map.of("choice", "MAYBE"), Map.of()}) {
            long before = eventsInTheLog();
            PageSession.Answer answer = page.post("/cooperatives/{c}/proposals/{p}/ballot", ballot, coop, p);
            assertThat(answer.code()).as("%s → %s", ballot, answer).isEqualTo(400);
            isAPlenumPage(answer);
            assertThat(answer.body()).contains("id=\"vote-yes\"").contains("choice is YES, NO, ABSTAIN or RETRACT");
            assertThat(eventsInTheLog()).isEqualTo(before);
        }
    }

    @Test
    void aCommentWithControlCharactersIsShownAgainWithTheReason() {
        String p = proposal(coop, "Solar roof");
        long before = eventsInTheLog();
        PageSession.Answer answer = page.post("/cooperatives/{c}/proposals/{p}/comments",
                Map.of("text", "Agreed,\u0000 let us do it"), coop, p);
        assertThat(answer.code()).as("%s", answer).isEqualTo(400);
        isAPlenumPage(answer);
        assertThat(answer.body()).contains("id=\"comment-text\"").contains("let us do it").contains("control character");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void refusalsInARowAreEachShownOnThePageNeverAsAServerError() {
        String p = proposal(coop, "Solar roof");
        long before = eventsInTheLog();
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(page.post("/cooperatives/{c}/proposals/{p}/comments", Map.of("text", i % 2 == 0 ? "" : "x\u0000"), coop, p).code());
            statuses.add(page.post("/cooperatives/{c}/proposals", Map.of("title", "", "topic", "energy"), coop).code());
        }
        assertThat(statuses).as("every refusal is a 400 page").containsOnly(400);
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void anEmptyCommentIsShownAgainWithTheReason() {
        String p = proposal(coop, "Solar roof");
        long before = eventsInTheLog();
        PageSession.Answer answer = page.post("/cooperatives/{c}/proposals/{p}/comments", Map.of("text", ""), coop, p);
        assertThat(answer.code()).as("%s", answer).isEqualTo(400);
        isAPlenumPage(answer);
        assertThat(answer.body()).contains("id=\"comment-text\"");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void aContributionDescriptionWithControlCharactersIsShownAgainWithTheReason() {
        long before = eventsInTheLog();
        PageSession.Answer answer = page.post("/cooperatives/{c}/ledger/contributions", Map.of("project", "depot",
                "type", "WORK_HOURS", "quantity", "2", "description", "wiring\u0001 the roof", "occurredOn", "2026-01-05"), coop);
        assertThat(answer.code()).as("%s", answer).isEqualTo(400);
        isAPlenumPage(answer);
        assertThat(answer.body()).contains("the roof").contains("control character");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void anApplicationForAClassTheCharterDoesNotHaveIsShownAgainWithTheReason() {
        String bob = unique("bob");
        createAccount(bob, "Bob");
        PageSession applicant = signedIn(bob);
        long before = eventsInTheLog();
        PageSession.Answer answer = applicant.post("/cooperatives/{c}/apply", Map.of("classId", "astronauts"), coop);
        assertThat(answer.code()).as("%s", answer).isBetween(400, 499);
        isAPlenumPage(answer);
        assertThat(answer.body()).contains("id=\"apply-error\"").contains("name=\"classId\"");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void anUnknownStateFilterShowsEveryProposalWithTheReason() {
        proposal(coop, "Solar roof");
        PageSession.Answer answer = page.get("/cooperatives/{c}/proposals?state=BOGUS", coop);
        assertThat(answer.code()).as("%s", answer).isEqualTo(400);
        isAPlenumPage(answer);
        assertThat(answer.body()).contains("Solar roof").contains("state is one of");
        assertThat(page.get("/cooperatives/{c}/proposals?state=VOTING", coop).code()).isEqualTo(200);
    }
}
