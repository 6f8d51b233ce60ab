package coop.plenum.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.PageSession;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Voting methods", APPROVAL and SCORE over HTTP on the booted application: submitting with options, ballots
 * per method (a malformed one is a 400 naming the field and stores nothing), the live tally, provenance through a
 * delegation, the closing result with its winners, and the same numbers as of an instant after closing.
 */
class OptionVotesOverHttpTest extends BootedPlenum {

    private static final String OPTIONS = """
            [{"id": "solar", "label": "Solar panels"}, {"id": "wind", "label": "A small turbine"},
             {"id": "none", "label": "Neither"}]""";

    private Cooperators steps;
    private String alice, bob, cara, dan;   // alice, dan: workers (60); bob, cara: users (40)
    private String aliceM, bobM, caraM, danM;
    private String coop;

    @BeforeEach
    void aCooperativeOfFour() {
        steps = new Cooperators(http);
        alice = unique("alice");
        bob = unique("bob");
        cara = unique("cara");
        dan = unique("dan");
        String a = createAccount(alice, "Alice");
        String b = createAccount(bob, "Bob");
        String c = createAccount(cara, "Cara");
        String d = createAccount(dan, "Dan");
        coop = foundCooperative("""
                {"name": "Options",
                 "charter": {"classes": [{"id": "workers", "name": "Workers", "weight": 60, "quorum": 0},
                                         {"id": "users", "name": "Users", "weight": 40, "quorum": 0}],
                             "topics": ["energy"],
                             "delegation": {"enabled": true, "maxChainLength": 3}},
                 "founders": [{"accountId": "%s", "classId": "workers"}, {"accountId": "%s", "classId": "users"},
                              {"accountId": "%s", "classId": "users"}, {"accountId": "%s", "classId": "workers"}],
                 "secretaryAccountId": "%s"}""".formatted(a, b, c, d, a));
        aliceM = steps.memberIdOf(alice, coop, a);
        bobM = steps.memberIdOf(alice, coop, b);
        caraM = steps.memberIdOf(alice, coop, c);
        danM = steps.memberIdOf(alice, coop, d);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec submit(String method, String options) {
        return http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Which energy?\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\","
                        + "\"method\":\"" + method + "\",\"options\":" + options + "}")
                .exchange();
    }

    private String openVote(String method) {
        String p = submit(method, OPTIONS).expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("proposalId").asText();
        post(p, "opening");
        return p;
    }

    private void post(String proposal, String action) {
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/{a}", coop, proposal, action).headers(as(alice))
                .exchange().expectStatus().isNoContent();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec ballot(String as, String proposal,
                                                                                          String member, String body) {
        return http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, member).headers(as(as))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private void badBallot(String as, String proposal, String member, String body, String field) {
        ballot(as, proposal, member, body).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo(field);
    }

    private JsonNode get(String uri, Object... vars) {
        return http.get().uri(uri, vars).headers(as(bob)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode tally(String proposal) {
        return get("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, proposal);
    }

    @Test
    void badOptionsAreRefusedNamingTheFieldAndStoreNothing() {
        long before = eventsInTheLog();
        submit("APPROVAL", "[{\"id\": \"solar\", \"label\": \"Solar\"}]").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("options");
        submit("SCORE", "[{\"id\": \"solar\", \"label\": \"Solar\"}, {\"id\": \"solar\", \"label\": \"Again\"}]")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("options[1].id");
        submit("YES_NO", OPTIONS).expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("options");
        submit("APPROVAL", "[{\"id\": \"a b\", \"label\": \"Spaced\"}, {\"id\": \"c\", \"label\": \"C\"}]")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("options[0].id");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void anApprovalVoteCountsLiveWithDelegationAndClosesWithItsWinner() {
        http.put().uri("/api/v1/cooperatives/{c}/members/{m}/delegations/_global", coop, bobM).headers(as(bob))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"delegateId\":\"" + danM + "\"}")
                .exchange().expectStatus().isNoContent();
        String p = openVote("APPROVAL");
        JsonNode proposal = get("/api/v1/cooperatives/{c}/proposals/{p}", coop, p);
        assertThat(proposal.get("method").asText()).isEqualTo("APPROVAL");
        assertThat(proposal.at("/options/1/label").asText()).isEqualTo("A small turbine");

        long before = eventsInTheLog();
        badBallot(alice, p, aliceM, "{\"choice\": \"YES\"}", "approve");
        badBallot(alice, p, aliceM, "{\"approve\": [\"coal\"]}", "approve");
        badBallot(alice, p, aliceM, "{\"approve\": [\"solar\"], \"scores\": {\"solar\": 1}}", "scores");
        badBallot(alice, p, aliceM, "{\"approve\": [\"solar\"], \"reason\": \"" + "x".repeat(2001) + "\"}", "reason");
        assertThat(eventsInTheLog()).isEqualTo(before);

        ballot(alice, p, aliceM, "{\"approve\": [\"solar\", \"wind\"], \"reason\": \"both are fine\"}").expectStatus().isOk();
        ballot(dan, p, danM, "{\"approve\": [\"wind\"]}").expectStatus().isOk();
        ballot(cara, p, caraM, "{\"approve\": [\"solar\"]}").expectStatus().isOk();

        // workers: solar 1/2, wind 1; users: bob counts with dan's ballot (wind), cara solar: 1/2 each
        // S(solar) = 0.6·½ + 0.4·½ = 1/2; S(wind) = 0.6·1 + 0.4·½ = 4/5
        JsonNode live = tally(p);
        assertThat(live.get("method").asText()).isEqualTo("APPROVAL");
        assertThat(live.at("/options/0/scoreExact").asText()).isEqualTo("1/2");
        assertThat(live.at("/options/1/scoreExact").asText()).isEqualTo("4/5");
        assertThat(live.at("/options/1/score").asText()).isEqualTo("0.800000");
        assertThat(live.at("/classes/1/shares/wind").asText()).isEqualTo("0.500000");
        assertThat(live.at("/classes/1/participating").asText()).isEqualTo("2.000000");
        assertThat(live.get("outcome").isNull()).as("undecided while voting").isTrue();
        assertThat(live.get("winners").isNull()).isTrue();
        JsonNode recount = get("/api/v1/cooperatives/{c}/proposals/{p}/tally?asOf={t}", coop, p, java.time.Instant.now().toString());
        assertThat(recount.get("options")).as("the live count equals a recount").isEqualTo(live.get("options"));
        assertThat(recount.get("classes")).isEqualTo(live.get("classes"));

        JsonNode mine = http.get().uri("/api/v1/cooperatives/{c}/members/{m}/receipts", coop, aliceM).headers(as(alice))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(mine.at("/receipts/0/kind").asText()).as("an option ballot is a cast, not a retraction").isEqualTo("CAST");
        assertThat(mine.at("/receipts/0/choice").asText()).isEqualTo("approve solar, wind");
        assertThat(mine.at("/receipts/0/counts").asBoolean()).isTrue();

        JsonNode how = get("/api/v1/cooperatives/{c}/proposals/{p}/tally/members/{m}", coop, p, bobM);
        assertThat(how.get("how").asText()).isEqualTo("DELEGATED");
        assertThat(how.get("choice").asText()).isEqualTo("wind=1");

        post(p, "closing");
        JsonNode decided = tally(p);
        assertThat(decided.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(decided.get("winners")).hasSize(1);
        assertThat(decided.at("/winners/0").asText()).isEqualTo("wind");
        assertThat(decided.get("approval").asText()).isEqualTo("0.800000");
        JsonNode later = get("/api/v1/cooperatives/{c}/proposals/{p}/tally?asOf={t}", coop, p,
                java.time.Instant.now().plusSeconds(60).toString());
        assertThat(later.get("options")).as("asOf after closing equals the final tally").isEqualTo(decided.get("options"));
        assertThat(later.get("winners")).isEqualTo(decided.get("winners"));

        JsonNode after = get("/api/v1/cooperatives/{c}/proposals/{p}", coop, p);
        assertThat(after.at("/winners/0").asText()).isEqualTo("wind");
        assertThat(after.at("/optionBallots/" + aliceM + "/wind").asInt()).isEqualTo(1);
        assertThat(after.at("/reasons/" + aliceM).asText()).isEqualTo("both are fine");
        String closed = new String(jdbc.queryForObject("select payload from domainevententry where aggregateidentifier = ? "
                + "and payloadtype like '%VotingClosed'", byte[].class, p));
        assertThat(closed).contains("\"outcome\":\"ACCEPTED\"", "\"approval\":\"4/5\"", "\"winners\":[\"wind\"]");
    }

    @Test
    void aScoreVoteRefusesScoresOutsideZeroToFiveAndClosesATieNamingBothWinners() {
        String p = openVote("SCORE");
        badBallot(alice, p, aliceM, "{\"scores\": {\"solar\": 6}}", "scores.solar");
        badBallot(alice, p, aliceM, "{\"scores\": {\"coal\": 3}}", "scores");
        badBallot(alice, p, aliceM, "{\"approve\": [\"solar\"]}", "scores");
        ballot(alice, p, aliceM, "{\"scores\": {\"solar\": 5, \"wind\": 5}}").expectStatus().isOk();
        ballot(bob, p, bobM, "{\"scores\": {\"solar\": 2, \"wind\": 2, \"none\": 1}}").expectStatus().isOk();
        post(p, "closing");
        JsonNode decided = tally(p);
        assertThat(decided.get("outcome").asText()).isEqualTo("TIE");
        assertThat(decided.get("winners")).hasSize(2);
        // workers: alice alone (dan did not vote): 1 each; users: bob alone: 2/5 each. S = 0.6 + 0.16
        assertThat(decided.at("/options/0/scoreExact").asText()).isEqualTo("19/25");
        assertThat(decided.at("/options/2/scoreExact").asText()).isEqualTo("2/25");
    }

    @Test
    void aConsentVoteListsTheObjectionWithItsReasonAndAnObjectionStandingRejects() {
        http.put().uri("/api/v1/cooperatives/{c}/members/{m}/delegations/_global", coop, caraM).headers(as(cara))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"delegateId\":\"" + bobM + "\"}")
                .exchange().expectStatus().isNoContent();
        submit("CONSENT", OPTIONS).expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("options");
        String p = submit("CONSENT", "null").expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("proposalId").asText();
        post(p, "opening");
        long before = eventsInTheLog();
        badBallot(bob, p, bobM, "{\"consent\": \"OBJECT\"}", "reason");
        badBallot(bob, p, bobM, "{\"choice\": \"NO\"}", "consent");
        assertThat(eventsInTheLog()).isEqualTo(before);
        ballot(alice, p, aliceM, "{\"consent\": \"CONSENT\"}").expectStatus().isOk();
        ballot(bob, p, bobM, "{\"consent\": \"OBJECT\", \"reason\": \"the budget is not there\"}").expectStatus().isOk();

        JsonNode live = tally(p);
        assertThat(live.get("method").asText()).isEqualTo("CONSENT");
        // users: bob objects (1); cara's chain ends at bob's objection, which is personal: she stands aside
        assertThat(live.at("/classes/1/object").asText()).isEqualTo("1.000000");
        assertThat(live.at("/classes/1/standAside").asText()).isEqualTo("1.000000");
        assertThat(live.get("objections")).hasSize(1);
        assertThat(live.at("/objections/0/memberId").asText()).isEqualTo(bobM);
        assertThat(live.at("/objections/0/reason").asText()).isEqualTo("the budget is not there");

        post(p, "closing");
        JsonNode decided = tally(p);
        assertThat(decided.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(decided.get("objections")).isEqualTo(live.get("objections"));
        JsonNode proposal = get("/api/v1/cooperatives/{c}/proposals/{p}", coop, p);
        assertThat(proposal.at("/consentBallots/" + bobM).asText()).isEqualTo("OBJECT");
        assertThat(proposal.at("/reasons/" + bobM).asText()).isEqualTo("the budget is not there");
    }

    @Test
    void aRankedVoteShowsThePairwiseMatrixAndStrongestPathsAndClosesWithTheSchulzeWinner() {
        String p = openVote("RANKED");
        badBallot(alice, p, aliceM, "{\"ranking\": [[\"solar\"], [\"solar\"]]}", "ranking");
        badBallot(alice, p, aliceM, "{\"approve\": [\"solar\"]}", "ranking");
        ballot(alice, p, aliceM, "{\"ranking\": [[\"wind\"], [\"solar\", \"none\"]]}").expectStatus().isOk();
        ballot(dan, p, danM, "{\"ranking\": [[\"solar\"], [\"wind\"]]}").expectStatus().isOk();
        ballot(bob, p, bobM, "{\"ranking\": [[\"wind\"], [\"none\"]]}").expectStatus().isOk();
        JsonNode live = tally(p);
        assertThat(live.get("method").asText()).isEqualTo("RANKED");
        // workers: wind>solar ½ (alice), solar>wind ½ (dan); users: bob wind>solar 1. D[wind][solar] = 0.6·½ + 0.4·1 = 0.7
        assertThat(live.at("/pairwise/wind/solar").asText()).isEqualTo("0.700000");
        assertThat(live.at("/pairwise/solar/wind").asText()).isEqualTo("0.300000");
        assertThat(live.at("/strongestPaths/wind/solar").asText()).isEqualTo("0.700000");
        assertThat(live.at("/ranking/0/0").asText()).isEqualTo("wind");
        JsonNode proposal = get("/api/v1/cooperatives/{c}/proposals/{p}", coop, p);
        assertThat(proposal.at("/rankedBallots/" + aliceM).toString()).as("ballots are visible to members, ranked ones too")
                .isEqualTo("[[\"wind\"],[\"solar\",\"none\"]]");
        assertThat(proposal.at("/rankedBallots/" + bobM + "/1/0").asText()).isEqualTo("none");
        post(p, "closing");
        JsonNode decided = tally(p);
        assertThat(decided.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(decided.at("/winners/0").asText()).isEqualTo("wind");
        assertThat(decided.get("pairwise")).isEqualTo(live.get("pairwise"));
    }

    @Test
    void theProposalPageOfAnApprovalVoteNamesTheMethodAndOptionsAndOffersNoYesNoFormTheServerWouldRefuse() {
        String p = openVote("APPROVAL");
        String html = PageSession.signIn(http, bob)
                .get("/cooperatives/{c}/proposals/{p}", coop, p).body();
        assertThat(html).contains("id=\"option-vote\"").contains("id=\"vote-method\">Approval<")
                .doesNotContain("id=\"vote-yes\"").doesNotContain("tally-table");
    }
}
