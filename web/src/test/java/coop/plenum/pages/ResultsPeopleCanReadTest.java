package coop.plenum.pages;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, "results people can read": the proposal page shows percentages and plain numbers (the exact decimals on
 * hover; the API keeps them), the rule in words, the pass line and the quorum marks, who has voted and how, a
 * participation chart with a text alternative, and once closed, one sentence that says why the vote ended as it did.
 * Riverside: Alice in Workers (quorum 50 %), Bob in Users (quorum 20 %), simple majority, weighted.
 */
class ResultsPeopleCanReadTest extends PageScenario {

    private AliceAndBob r;

    @BeforeEach
    void riverside() {
        r = riversideWithAliceAndBob();
    }

    private String openVote() {
        String p = propose(r, "Solar roof", "");
        act(p, "opening");
        return p;
    }

    private void act(String p, String action) {
        act(r, p, action);
    }

    private void vote(String p, String who, String member, String choice) {
        vote(r, p, who, member, choice);
    }

    private String page(String p) {
        PageSession.Answer answer = signedIn(r.bob()).get("/cooperatives/{c}/proposals/{p}", r.coop(), p);
        assertThat(answer.code()).as("%s", answer).isEqualTo(200);
        isAPlenumPage(answer);
        return answer.body();
    }

    @Test
    void figuresReadAsPlainNumbersAndPercentagesWithTheExactValueOnHoverWhileTheApiKeepsTheDecimals() {
        String p = openVote();
        vote(p, r.alice(), r.aliceMember(), "YES");
        String html = page(p);
        assertThat(html).contains("data-field=\"participation\" title=\"exactly 1.000000\">100\u00a0%<")
                .contains("data-field=\"electoratePower\" title=\"exactly 1.000000\">1<")
                .contains("data-field=\"participation\" title=\"exactly 0.000000\">0\u00a0%<")
                .doesNotContain(">1.000000<").doesNotContain(">0.000000<");
        JsonNode tally = http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}/tally", r.coop(), p).headers(as(r.bob()))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(tally.at("/classes/0/participation").asText()).isEqualTo("1.000000");
    }

    @Test
    void anOpenVoteShowsItsRuleInWordsThePassLineTheQuorumMarksTheTimeLeftAndWhoHasVoted() {
        String p = openVote();
        vote(p, r.alice(), r.aliceMember(), "YES");
        String html = page(p);
        assertThat(html).contains("id=\"decision-rule\"").contains("Passes with more than half of the yes and no votes")
                .contains("class=\"pass-mark\" style=\"left:50%\"")
                .contains("class=\"seg seg-yes\" data-seg=\"yes\" style=\"width:100%\"")
                .contains("class=\"quorum-mark\" style=\"left:50%\"").contains("class=\"quorum-mark\" style=\"left:20%\"")
                .doesNotContain("id=\"tally-why\"");
        assertThat(html).contains("id=\"voters\"").containsPattern("<li><span>Alice Secretary</span><span class=\"muted\">[^<]*yes</span></li>");
        // the participation chart: an SVG with a title and a description in words
        assertThat(html).contains("<svg ").contains("<title id=\"participation-chart-title\">Participation per class</title>")
                .contains("Workers 100\u00a0% of a 50\u00a0% quorum (met); Users 0\u00a0% of a 20\u00a0% quorum (not met)");
    }

    @Test
    void aScheduledVoteShowsItsClosingTimeAndTheTimeLeft() {
        JsonNode created = http.post().uri("/api/v1/cooperatives/{c}/proposals", r.coop()).headers(as(r.alice()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Later\",\"body\":\"b\",\"topic\":\"energy\",\"kind\":\"GENERAL\",\"votingOpensAt\":\""
                        + java.time.Instant.now().plusSeconds(3600) + "\",\"votingClosesAt\":\""
                        + java.time.Instant.now().plus(java.time.Duration.ofDays(3)) + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String html = page(created.get("proposalId").asText());
        // deliberation: the closing time, and no countdown until voting opens
        assertThat(html).contains("id=\"closes-at\" datetime=\"").doesNotContain("id=\"countdown\"");
    }

    @Test
    void aVoteShortOfAQuorumSaysWhichClassFellShortOfWhat() {
        String p = openVote();
        vote(p, r.alice(), r.aliceMember(), "YES");
        act(p, "closing");
        assertThat(page(p)).contains("id=\"tally-why\"")
                .contains("Not decided for lack of quorum: the Users class reached 0\u00a0% of its 20\u00a0% quorum.");
    }

    @Test
    void anAcceptedVoteSaysItsApprovalClearedTheLineWithEveryClassQuorate() {
        String p = openVote();
        vote(p, r.alice(), r.aliceMember(), "YES");
        vote(p, r.bob(), r.bobMember(), "NO");
        act(p, "closing");
        // weighted: Workers 60 × 100 % + Users 40 × 0 % = 60 %
        String html = page(p);
        assertThat(html).contains("Outcome: accepted · approval 60\u00a0%")
                .contains("Accepted: 60\u00a0% approval, above the half line, every class quorate.");
        // each class's participation over the voting period, from the tally as of instants between opening and
        // closing: eight as-of tallies, so drawn only when asked for (a link without JavaScript)
        assertThat(html).contains("id=\"show-over-time\"").doesNotContain("id=\"participation-over-time-workers\"");
        PageSession.Answer overTime = signedIn(r.bob()).get("/cooperatives/{c}/proposals/{p}?over-time=1", r.coop(), p);
        assertThat(overTime.body()).contains("id=\"participation-over-time-workers\"", "id=\"participation-over-time-users\"")
                .contains("Users class participation against its 20\u00a0% quorum:");
    }

    @Test
    void theLedgerDrawsPointsOverTimeWithATextAlternative() {
        PageSession.Answer ledger = signedIn(r.bob()).get("/cooperatives/{c}/ledger", r.coop());
        assertThat(ledger.code()).isEqualTo(200);
        assertThat(ledger.body()).contains("id=\"ledger-charts\"")
                .contains("<title id=\"points-chart-title\">Accepted points over time</title>", "No accepted points yet.");
    }

    @Test
    void aRejectedVoteSaysHowFarShortItFell() {
        String p = openVote();
        vote(p, r.alice(), r.aliceMember(), "NO");
        vote(p, r.bob(), r.bobMember(), "YES");
        act(p, "closing");
        assertThat(page(p)).contains("Rejected: 40\u00a0% approval, short of the half line (more than half was needed), every class quorate.");
    }
}
