package coop.plenum.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Voting methods", ELECTION over HTTP on the booted application: seats per class on submission (bad seats are a
 * 400 naming the field, nothing stored), nominations and acceptances during deliberation (refusals 409 or 400), the
 * accepted candidates pinned per class at opening, ballots ranking only the voter's own class's candidates, and the
 * closed result: the elected per class with the Meek count round by round.
 */
class ElectionOverHttpTest extends BootedPlenum {

    private Cooperators steps;
    private String alice, bob, cara, dan;   // alice, dan: workers; bob, cara: users
    private String aliceM, bobM, caraM, danM;
    private String coop;
    private String aliceAccount, bobAccount, caraAccount, danAccount;

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
        aliceAccount = a;
        bobAccount = b;
        caraAccount = c;
        danAccount = d;
        coop = foundCooperative("""
                {"name": "Board",
                 "charter": {"classes": [{"id": "workers", "name": "Workers", "weight": 60, "quorum": 0},
                                         {"id": "users", "name": "Users", "weight": 40, "quorum": 0}],
                             "topics": ["board"],
                             "delegation": {"enabled": true, "maxChainLength": 3}},
                 "founders": [{"accountId": "%s", "classId": "workers"}, {"accountId": "%s", "classId": "users"},
                              {"accountId": "%s", "classId": "users"}, {"accountId": "%s", "classId": "workers"}],
                 "secretaryAccountId": "%s"}""".formatted(a, b, c, d, a));
        aliceM = steps.memberIdOf(alice, coop, a);
        bobM = steps.memberIdOf(alice, coop, b);
        caraM = steps.memberIdOf(alice, coop, c);
        danM = steps.memberIdOf(alice, coop, d);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec submit(String method, String seats) {
        return http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Board 2027\",\"body\":\"\",\"topic\":\"board\",\"kind\":\"GENERAL\","
                        + "\"method\":\"" + method + "\",\"seats\":" + seats + "}")
                .exchange();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec nominate(String as, String proposal, String member) {
        return http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/candidates", coop, proposal).headers(as(as))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(member == null ? "{}" : "{\"memberId\":\"" + member + "\"}").exchange();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec candidacy(String as, String proposal,
                                                                                             String member, String action) {
        return http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/candidates/{m}/{a}", coop, proposal, member, action)
                .headers(as(as)).exchange();
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

    private JsonNode get(String uri, Object... vars) {
        return getAs(bob, uri, vars);
    }

    private JsonNode getAs(String reader, String uri, Object... vars) {
        return http.get().uri(uri, vars).headers(as(reader)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void badSeatsAreRefusedNamingTheFieldAndStoreNothing() {
        long before = eventsInTheLog();
        submit("ELECTION", "null").expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("seats");
        submit("ELECTION", "{\"workers\": 0}").expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("seats.workers");
        submit("ELECTION", "{\"workers\": 51}").expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("seats.workers");
        submit("ELECTION", "{\"board\": 1}").expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("seats.board");
        submit("YES_NO", "{\"workers\": 1}").expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("seats");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void anElectionWithoutSeatsOpensWithTheSeatsOfTheCharterInForceAtSubmission() {
        long before = eventsInTheLog();
        http.post().uri("/api/v1/cooperatives").headers(h -> h.setBasicAuth("admin", OPERATOR_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(boardCharter("{\"workers\": 2, \"investors\": 1}")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("charter.seats.investors");
        assertThat(eventsInTheLog()).isEqualTo(before);

        coop = foundCooperative(boardCharter("{\"workers\": 2, \"users\": 1}"));
        JsonNode charter = getAs(alice, "/api/v1/cooperatives/{c}", coop).get("charter");
        assertThat(charter.at("/seats/workers").asInt()).isEqualTo(2);
        assertThat(charter.at("/seats/users").asInt()).isEqualTo(1);

        String p = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Board 2028\",\"body\":\"\",\"topic\":\"board\",\"kind\":\"GENERAL\","
                        + "\"method\":\"ELECTION\"}")
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("proposalId").asText();
        post(p, "opening");
        JsonNode opened = getAs(alice, "/api/v1/cooperatives/{c}/proposals/{p}", coop, p);
        assertThat(opened.get("state").asText()).isEqualTo("VOTING");
        assertThat(opened.at("/seats/workers").asInt()).isEqualTo(2);
        assertThat(opened.at("/seats/users").asInt()).isEqualTo(1);

        // the proposal's own seats override the charter's
        String own = submit("ELECTION", "{\"workers\": 1}").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("proposalId").asText();
        JsonNode overridden = getAs(alice, "/api/v1/cooperatives/{c}/proposals/{p}", coop, own);
        assertThat(overridden.at("/seats/workers").asInt()).isEqualTo(1);
        assertThat(overridden.at("/seats").has("users")).isFalse();
    }

    /** The four founders under a charter giving {@code seats}, alice their secretary. */
    private String boardCharter(String seats) {
        return """
                {"name": "Board with seats",
                 "charter": {"classes": [{"id": "workers", "name": "Workers", "weight": 60, "quorum": 0},
                                         {"id": "users", "name": "Users", "weight": 40, "quorum": 0}],
                             "topics": ["board"], "seats": %s},
                 "founders": [{"accountId": "%s", "classId": "workers"}],
                 "secretaryAccountId": "%s"}""".formatted(seats, aliceAccount, aliceAccount);
    }

    @Test
    void aBoardOfTwoClassesIsNominatedVotedAndCountedByMeekStvPerClass() {
        String p = submit("ELECTION", "{\"workers\": 1, \"users\": 1}").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("proposalId").asText();

        nominate(dan, p, danM).expectStatus().isNoContent();                 // self: stands at once
        nominate(alice, p, bobM).expectStatus().isNoContent();               // by another: bob accepts
        candidacy(bob, p, bobM, "acceptance").expectStatus().isNoContent();
        nominate(cara, p, caraM).expectStatus().isNoContent();
        nominate(alice, p, aliceM).expectStatus().isNoContent();
        candidacy(alice, p, aliceM, "withdrawal").expectStatus().isNoContent();

        long before = eventsInTheLog();
        nominate(bob, p, danM).expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("candidacy.already-nominated");
        nominate(bob, p, null).expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("memberId");
        candidacy(alice, p, bobM, "acceptance").expectStatus().isForbidden();
        assertThat(eventsInTheLog()).isEqualTo(before);

        JsonNode deliberating = get("/api/v1/cooperatives/{c}/proposals/{p}", coop, p);
        assertThat(deliberating.get("method").asText()).isEqualTo("ELECTION");
        assertThat(deliberating.at("/seats/users").asInt()).isEqualTo(1);
        assertThat(deliberating.get("candidacies")).hasSize(3);
        assertThat(deliberating.at("/candidacies/1/memberId").asText()).isEqualTo(bobM);
        assertThat(deliberating.at("/candidacies/1/nominatedBy").asText()).isEqualTo(aliceM);
        assertThat(deliberating.at("/candidacies/1/accepted").asBoolean()).isTrue();

        post(p, "opening");
        nominate(alice, p, aliceM).expectStatus().isEqualTo(409);
        JsonNode voting = get("/api/v1/cooperatives/{c}/proposals/{p}", coop, p);
        assertThat(voting.get("candidates")).hasSize(3);
        assertThat(voting.at("/candidates/0/memberId").asText()).isEqualTo(danM);
        assertThat(voting.at("/candidates/2/classId").asText()).isEqualTo("users");

        before = eventsInTheLog();
        ballot(alice, p, aliceM, "{\"ranking\": [[\"" + bobM + "\"]]}").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("ranking");
        ballot(bob, p, bobM, "{\"ranking\": [[\"" + bobM + "\", \"" + caraM + "\"]]}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("ranking");
        ballot(bob, p, bobM, "{\"choice\": \"YES\"}").expectStatus().isBadRequest();
        assertThat(eventsInTheLog()).isEqualTo(before);

        ballot(alice, p, aliceM, "{\"ranking\": [[\"" + danM + "\"]]}").expectStatus().isOk();
        ballot(bob, p, bobM, "{\"ranking\": [[\"" + bobM + "\"], [\"" + caraM + "\"]]}").expectStatus().isOk();
        ballot(cara, p, caraM, "{\"ranking\": [[\"" + caraM + "\"], [\"" + bobM + "\"]]}").expectStatus().isOk();

        JsonNode live = get("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, p);
        assertThat(live.get("method").asText()).isEqualTo("ELECTION");
        assertThat(live.get("outcome").isNull()).isTrue();

        post(p, "closing");
        JsonNode decided = get("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, p);
        assertThat(decided.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(decided.get("winners").toString()).isEqualTo("[\"" + danM + "\",\"" + bobM + "\"]");
        JsonNode users = decided.at("/election/classes/1");
        assertThat(users.get("classId").asText()).isEqualTo("users");
        assertThat(users.get("participating").asText()).isEqualTo("2.000000");
        // bob and cara tie 1 to 1 under quota 2/2 and never differed: cara, later in the pinned list, is excluded
        assertThat(users.at("/rounds/0/action").asText()).isEqualTo("EXCLUDED");
        assertThat(users.at("/rounds/0/candidates/0").asText()).isEqualTo(caraM);
        assertThat(users.at("/rounds/0/quota").asText()).isEqualTo("1.000000");
        assertThat(users.at("/rounds/0/votes/" + bobM).asText()).isEqualTo("1.000000");
        assertThat(users.at("/rounds/1/action").asText()).isEqualTo("ELECTED_REMAINING");
        assertThat(users.at("/rounds/1/transfers/" + bobM).asText()).as("cara's ballot moves on to bob").isEqualTo("1.000000");
        assertThat(users.get("elected").toString()).isEqualTo("[\"" + bobM + "\"]");
        assertThat(decided.at("/election/classes/0/elected/0").asText()).isEqualTo(danM);

        String closed = new String(jdbc.queryForObject("select payload from domainevententry where aggregateidentifier = ? "
                + "and payloadtype like '%VotingClosed'", byte[].class, p));
        assertThat(closed).contains("\"outcome\":\"ACCEPTED\"", "\"winners\":[\"" + danM + "\",\"" + bobM + "\"]");
    }

    /**
     * Every field of every round, exact to the six digits shown, on a count with a surplus transfer: four workers, two
     * seats; alice, dan: alice then bob; bob: alice then cara; cara: cara. Round 1: alice has 3 over a quota of 4/3 and
     * is elected. Round 2: her keep value falls to ⌈4/9⌉ on the 10⁻⁹ grid, 0.444444445, so 1.666666665 of her 3 moves
     * on (1.11111111 to bob, 0.555555555 to cara) and cara, at 1.555555555, passes the quota on the second
     * distribution. (MeekPublishedRoundsTest checks the engine's rounds against a published count.)
     */
    @Test
    void theClosedCountGivesEveryRoundsQuotaVotesKeepValuesTransfersAndExhaustedExactly() {
        coop = foundCooperative("""
                {"name": "One class",
                 "charter": {"classes": [{"id": "workers", "name": "Workers", "weight": 100, "quorum": 0}],
                             "topics": ["board"]},
                 "founders": [{"accountId": "%s", "classId": "workers"}, {"accountId": "%s", "classId": "workers"},
                              {"accountId": "%s", "classId": "workers"}, {"accountId": "%s", "classId": "workers"}],
                 "secretaryAccountId": "%s"}""".formatted(aliceAccount, bobAccount, caraAccount, danAccount, aliceAccount));
        String a = steps.memberIdOf(alice, coop, aliceAccount);
        String b = steps.memberIdOf(alice, coop, bobAccount);
        String c = steps.memberIdOf(alice, coop, caraAccount);
        String d = steps.memberIdOf(alice, coop, danAccount);
        String p = submit("ELECTION", "{\"workers\": 2}").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("proposalId").asText();
        nominate(alice, p, a).expectStatus().isNoContent();
        nominate(bob, p, b).expectStatus().isNoContent();
        nominate(cara, p, c).expectStatus().isNoContent();
        post(p, "opening");
        ballot(alice, p, a, "{\"ranking\": [[\"" + a + "\"], [\"" + b + "\"]]}").expectStatus().isOk();
        ballot(dan, p, d, "{\"ranking\": [[\"" + a + "\"], [\"" + b + "\"]]}").expectStatus().isOk();
        ballot(bob, p, b, "{\"ranking\": [[\"" + a + "\"], [\"" + c + "\"]]}").expectStatus().isOk();
        ballot(cara, p, c, "{\"ranking\": [[\"" + c + "\"]]}").expectStatus().isOk();
        post(p, "closing");

        JsonNode workers = getAs(alice, "/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, p).at("/election/classes/0");
        assertThat(workers.get("elected").toString()).isEqualTo("[\"" + a + "\",\"" + c + "\"]");
        assertThat(workers.get("rounds")).hasSize(2);
        JsonNode first = workers.at("/rounds/0");
        assertThat(first.get("action").asText()).isEqualTo("ELECTED");
        assertThat(first.get("candidates").toString()).isEqualTo("[\"" + a + "\"]");
        assertThat(first.get("quota").asText()).isEqualTo("1.333333");
        assertThat(first.get("quotaExact").asText()).isEqualTo("4/3");
        assertThat(values(first.get("votes"), a, b, c)).containsExactly("3.000000", "0.000000", "1.000000");
        assertThat(values(first.get("keepValues"), a, b, c)).containsExactly("1.000000", "1.000000", "1.000000");
        assertThat(values(first.get("transfers"), a, b, c)).as("round 1: first preferences")
                .containsExactly("3.000000", "0.000000", "1.000000");
        assertThat(first.get("exhausted").asText()).isEqualTo("0.000000");
        assertThat(first.get("exhaustedTransfer").asText()).isEqualTo("0.000000");
        assertThat(first.get("surplus").asText()).isEqualTo("1.666667");
        assertThat(first.get("iterations").asInt()).isEqualTo(1);

        JsonNode second = workers.at("/rounds/1");
        assertThat(second.get("action").asText()).isEqualTo("ELECTED");
        assertThat(second.get("candidates").toString()).isEqualTo("[\"" + c + "\"]");
        assertThat(second.get("quota").asText()).isEqualTo("1.333333");
        assertThat(second.get("quotaExact").asText()).isEqualTo("4/3");
        assertThat(values(second.get("votes"), a, b, c)).containsExactly("1.333333", "1.111111", "1.555556");
        assertThat(values(second.get("keepValues"), a, b, c)).containsExactly("0.444444", "1.000000", "1.000000");
        assertThat(values(second.get("transfers"), a, b, c)).containsExactly("-1.666667", "1.111111", "0.555556");
        assertThat(second.get("exhausted").asText()).isEqualTo("0.000000");
        assertThat(second.get("exhaustedTransfer").asText()).isEqualTo("0.000000");
        assertThat(second.get("surplus").asText()).isEqualTo("0.222222");
        assertThat(second.get("iterations").asInt()).isEqualTo(2);
    }

    private static java.util.List<String> values(JsonNode byMember, String... members) {
        assertThat(byMember.size()).as("one value per candidate").isEqualTo(members.length);
        return java.util.Arrays.stream(members).map(m -> byMember.get(m).asText()).toList();
    }
}
