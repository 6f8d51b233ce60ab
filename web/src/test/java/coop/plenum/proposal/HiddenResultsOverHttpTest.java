package coop.plenum.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Voting methods", {@code visibility: AFTER_CLOSE}, on the booted application: while the vote is open the tally
 * (now and as of an instant), its stream, the proposal's ballots and provenance show participation per class only, to
 * members, the secretary and the auditor alike; a member still sees their own ballot; after close everything shows.
 */
class HiddenResultsOverHttpTest extends BootedPlenum {

    private Cooperators steps;
    private String alice, bob, cara, dan, audra;   // alice (secretary), dan: workers; bob, cara: users; audra: auditor
    private String aliceM, bobM, caraM, danM;
    private String coop;

    @BeforeEach
    void aCooperativeOfFourAndAnAuditor() {
        steps = new Cooperators(http);
        alice = unique("alice");
        bob = unique("bob");
        cara = unique("cara");
        dan = unique("dan");
        audra = unique("audra");
        String a = createAccount(alice, "Alice");
        String b = createAccount(bob, "Bob");
        String c = createAccount(cara, "Cara");
        String d = createAccount(dan, "Dan");
        String au = createAccount(audra, "Audra");
        coop = foundCooperative("""
                {"name": "Hidden",
                 "charter": {"classes": [{"id": "workers", "name": "Workers", "weight": 60, "quorum": 0},
                                         {"id": "users", "name": "Users", "weight": 40, "quorum": 0}],
                             "topics": ["energy"],
                             "delegation": {"enabled": true, "maxChainLength": 3}},
                 "founders": [{"accountId": "%s", "classId": "workers"}, {"accountId": "%s", "classId": "users"},
                              {"accountId": "%s", "classId": "users"}, {"accountId": "%s", "classId": "workers"}],
                 "secretaryAccountId": "%s"}""".formatted(a, b, c, d, a));
        steps.setRoles(alice, coop, au, "[\"AUDITOR\"]");
        aliceM = steps.memberIdOf(alice, coop, a);
        bobM = steps.memberIdOf(alice, coop, b);
        caraM = steps.memberIdOf(alice, coop, c);
        danM = steps.memberIdOf(alice, coop, d);
    }

    private WebTestClient.ResponseSpec submit(String extra) {
        return http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(bob))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Solar roof\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\"" + extra + "}")
                .exchange();
    }

    private String openHiddenVote(String extra) {
        String p = submit(",\"visibility\":\"AFTER_CLOSE\"" + extra).expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody().get("proposalId").asText();
        post(p, "opening");
        return p;
    }

    private void post(String proposal, String action) {
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/{a}", coop, proposal, action).headers(as(alice))
                .exchange().expectStatus().isNoContent();
    }

    private void ballot(String who, String proposal, String member, String body) {
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, member).headers(as(who))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
    }

    private JsonNode get(String who, String uri, Object... vars) {
        return http.get().uri(uri, vars).headers(as(who)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode tally(String who, String proposal) {
        return get(who, "/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, proposal);
    }

    private JsonNode tallyAsOf(String who, String proposal, Instant asOf) {
        return http.get().uri(b -> b.path("/api/v1/cooperatives/{c}/proposals/{p}/tally").queryParam("asOf", asOf.toString())
                        .build(coop, proposal)).headers(as(who)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode provenance(String who, String proposal, String member) {
        return get(who, "/api/v1/cooperatives/{c}/proposals/{p}/tally/members/{m}", coop, proposal, member);
    }

    private static void participationOnly(JsonNode tally) {
        assertThat(tally.get("hidden").asText()).isEqualTo("AFTER_CLOSE");
        assertThat(tally.get("state").asText()).isEqualTo("VOTING");
        assertThat(tally.get("approval").isNull()).isTrue();
        assertThat(tally.get("winners").isNull()).isTrue();
        assertThat(tally.get("pairwise").isNull()).isTrue();
        assertThat(tally.get("strongestPaths").isNull()).isTrue();
        assertThat(tally.get("ranking").isNull()).isTrue();
        assertThat(tally.get("objections").isNull()).isTrue();
        for (JsonNode c : tally.get("classes")) {
            assertThat(c.get("electoratePower").asText()).isEqualTo("2.000000");
            assertThat(c.has("participation")).isTrue();
            assertThat(c.has("quorumMet")).isTrue();
            for (String counted : new String[]{"yes", "no", "abstain", "approval", "participating", "sums", "shares",
                    "consent", "standAside", "object"}) {
                assertThat(c.get(counted).isNull()).as(counted).isTrue();
            }
        }
        if (tally.get("options").isArray()) {
            tally.get("options").forEach(o -> {
                assertThat(o.get("score").isNull()).isTrue();
                assertThat(o.get("scoreExact").isNull()).isTrue();
            });
        }
    }

    @Test
    void anUnknownVisibilityIsRefusedNamingTheFieldAndStoresNothing() {
        long before = eventsInTheLog();
        submit(",\"visibility\":\"SECRETLY\"").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("visibility");
        submit(",\"visibility\":3").expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("visibility");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void whileAnAfterCloseVoteIsOpenEveryoneSeesParticipationOnlyAndAfterCloseEverything() {
        // cara gives her vote to dan: her power follows dan's ballot, which nobody may see while the vote is open
        http.put().uri("/api/v1/cooperatives/{c}/members/{m}/delegations/_global", coop, caraM).headers(as(cara))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"delegateId\":\"" + danM + "\"}")
                .exchange().expectStatus().isNoContent();
        String p = openHiddenVote("");
        assertThat(get(bob, "/api/v1/cooperatives/{c}/proposals/{p}", coop, p).get("visibility").asText()).isEqualTo("AFTER_CLOSE");
        ballot(alice, p, aliceM, "{\"choice\":\"YES\"}");
        ballot(bob, p, bobM, "{\"choice\":\"NO\",\"reason\":\"too dear\"}");
        ballot(dan, p, danM, "{\"choice\":\"NO\"}");
        Instant whileOpen = Instant.now();

        for (String reader : new String[]{bob, alice, audra}) {
            JsonNode live = tally(reader, p);
            participationOnly(live);
            // workers: alice and dan voted (2 of 2); users: bob, and cara through dan (2 of 2)
            assertThat(live.at("/classes/0/participation").asText()).isEqualTo("1.000000");
            assertThat(live.at("/classes/1/participation").asText()).isEqualTo("1.000000");
            participationOnly(tallyAsOf(reader, p, whileOpen));
        }

        JsonNode bobsView = get(bob, "/api/v1/cooperatives/{c}/proposals/{p}", coop, p);
        assertThat(bobsView.get("ballots")).hasSize(1);
        assertThat(bobsView.at("/ballots/" + bobM).asText()).isEqualTo("NO");
        assertThat(bobsView.at("/reasons/" + bobM).asText()).isEqualTo("too dear");
        JsonNode secretarysView = get(alice, "/api/v1/cooperatives/{c}/proposals/{p}", coop, p);
        assertThat(secretarysView.get("ballots")).hasSize(1);
        assertThat(secretarysView.at("/ballots/" + aliceM).asText()).isEqualTo("YES");
        assertThat(secretarysView.has("reasons")).isFalse();
        assertThat(get(audra, "/api/v1/cooperatives/{c}/proposals/{p}", coop, p).get("ballots")).isEmpty();

        JsonNode ownBallot = provenance(bob, p, bobM);
        assertThat(ownBallot.get("how").asText()).isEqualTo("DIRECT");
        assertThat(ownBallot.get("choice").asText()).isEqualTo("NO");
        assertThat(ownBallot.has("hidden")).isFalse();
        JsonNode someoneElses = provenance(bob, p, aliceM);
        assertThat(someoneElses.get("hidden").asText()).isEqualTo("AFTER_CLOSE");
        assertThat(someoneElses.get("how").isNull()).isTrue();
        assertThat(someoneElses.get("choice").isNull()).isTrue();
        JsonNode throughADelegate = provenance(cara, p, caraM);
        assertThat(throughADelegate.get("hidden").asText()).isEqualTo("AFTER_CLOSE");
        assertThat(throughADelegate.get("choice").isNull()).isTrue();
        assertThat(throughADelegate.get("castBy").isNull()).isTrue();
        assertThat(provenance(audra, p, danM).get("choice").isNull()).isTrue();

        post(p, "closing");

        JsonNode decided = tally(bob, p);
        assertThat(decided.has("hidden")).isFalse();
        assertThat(decided.get("state").asText()).isEqualTo("CLOSED");
        assertThat(decided.at("/classes/0/yes").asText()).isEqualTo("1.000000");
        assertThat(decided.at("/classes/1/no").asText()).isEqualTo("2.000000");
        assertThat(decided.get("outcome").asText()).isEqualTo("REJECTED");
        JsonNode thenOpen = tallyAsOf(bob, p, whileOpen);
        assertThat(thenOpen.has("hidden")).isFalse();
        assertThat(thenOpen.get("state").asText()).isEqualTo("VOTING");
        assertThat(thenOpen.at("/classes/1/no").asText()).isEqualTo("2.000000");
        assertThat(get(bob, "/api/v1/cooperatives/{c}/proposals/{p}", coop, p).get("ballots")).hasSize(3);
        JsonNode delegated = provenance(bob, p, caraM);
        assertThat(delegated.get("how").asText()).isEqualTo("DELEGATED");
        assertThat(delegated.get("choice").asText()).isEqualTo("NO");
    }

    @Test
    void anAfterCloseOptionVoteHidesScoresAndTheRankedMatrixUntilClose() {
        String options = ",\"options\":[{\"id\":\"solar\",\"label\":\"Solar\"},{\"id\":\"wind\",\"label\":\"Wind\"}]";
        String approval = openHiddenVote(",\"method\":\"APPROVAL\"" + options);
        ballot(bob, approval, bobM, "{\"approve\":[\"wind\"]}");
        JsonNode live = tally(bob, approval);
        participationOnly(live);
        assertThat(live.at("/options/1/label").asText()).isEqualTo("Wind");

        String ranked = openHiddenVote(",\"method\":\"RANKED\"" + options);
        ballot(bob, ranked, bobM, "{\"ranking\":[[\"wind\"],[\"solar\"]]}");
        participationOnly(tally(alice, ranked));
        post(ranked, "closing");
        JsonNode decided = tally(alice, ranked);
        assertThat(decided.has("hidden")).isFalse();
        assertThat(decided.at("/winners/0").asText()).isEqualTo("wind");
        assertThat(decided.at("/pairwise/wind/solar").asText()).isNotEmpty();
    }

    @Test
    void theTallyStreamCarriesNoCountsWhileOpenAndTheResultsOnceClosed() {
        String p = openHiddenVote("");
        var events = http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}/tally/stream", coop, p).headers(as(cara))
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody();
        StepVerifier.create(events)
                .assertNext(first -> {
                    participationOnly(first.data());
                    assertThat(first.data().at("/classes/0/participation").asText()).isEqualTo("0.000000");
                })
                .then(() -> ballot(alice, p, aliceM, "{\"choice\":\"YES\"}"))
                .assertNext(next -> {
                    participationOnly(next.data());
                    assertThat(next.data().at("/classes/0/participation").asText()).isEqualTo("0.500000");
                })
                .then(() -> post(p, "closing"))
                .assertNext(closed -> {
                    assertThat(closed.data().has("hidden")).isFalse();
                    assertThat(closed.data().get("state").asText()).isEqualTo("CLOSED");
                    assertThat(closed.data().at("/classes/0/yes").asText()).isEqualTo("1.000000");
                })
                .thenCancel()
                .verify(Duration.ofSeconds(20));
    }

    @Test
    void theProposalPageSaysResultsAreHiddenAndShowsParticipationUntilTheVoteCloses() {
        String p = openHiddenVote("");
        ballot(alice, p, aliceM, "{\"choice\":\"YES\"}");
        String open = PageSession.signIn(http, alice).get("/cooperatives/{c}/proposals/{p}", coop, p).body();
        assertThat(open).contains("id=\"tally-hidden\"").contains("Results are hidden until the vote closes")
                .contains("data-field=\"participation\" title=\"exactly 0.500000\">50\u00a0%<").doesNotContain("tally-table")
                .contains("id=\"my-choice\">YES<");
        String bobsPage = PageSession.signIn(http, bob).get("/cooperatives/{c}/proposals/{p}", coop, p).body();
        assertThat(bobsPage).doesNotContain("id=\"my-choice\"").contains("Results are hidden until the vote closes");

        post(p, "closing");
        String closed = PageSession.signIn(http, bob).get("/cooperatives/{c}/proposals/{p}", coop, p).body();
        assertThat(closed).doesNotContain("id=\"tally-hidden\"").contains("tally-table")
                .contains("data-field=\"yes\" title=\"exactly 1.000000\">1<");
    }

    @Test
    void theAuthorRecordsAnOutcomeStatementAfterCloseAndOnlyThen() {
        String p = submit("").expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        post(p, "opening");
        long before = eventsInTheLog();
        statement(bob, p, "Too early").expectStatus().isEqualTo(409);
        post(p, "closing");
        before = eventsInTheLog();
        statement(alice, p, "Not mine").expectStatus().isForbidden();
        statement(audra, p, "Not mine").expectStatus().isForbidden();
        statement(bob, p, "  \n ").expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("statement");
        statement(bob, p, "x".repeat(4001)).expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("statement");
        assertThat(eventsInTheLog()).isEqualTo(before);

        statement(bob, p, "First thoughts").expectStatus().isNoContent();
        statement(bob, p, "We go <b>solar</b>.\nPanels in May.").expectStatus().isNoContent();
        JsonNode shown = get(cara, "/api/v1/cooperatives/{c}/proposals/{p}", coop, p).get("outcomeStatement");
        assertThat(shown.get("statement").asText()).isEqualTo("We go <b>solar</b>.\nPanels in May.");
        assertThat(shown.get("recordedBy").asText()).isEqualTo(bobM);
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where payloadtype like '%OutcomeStatementRecorded'",
                Long.class)).as("every version stays in the log").isGreaterThanOrEqualTo(2L);
        assertThat(jdbc.queryForList("select convert_from(metadata, 'UTF8') from domainevententry "
                + "where payloadtype like '%OutcomeStatementRecorded' and aggregateidentifier = ?", String.class, p))
                .allMatch(metadata -> metadata.contains("\"cooperativeId\":\"" + coop + "\""));

        String page = PageSession.signIn(http, cara).get("/cooperatives/{c}/proposals/{p}", coop, p).body();
        assertThat(page).contains("id=\"outcome-statement-text\"")
                .contains("We go &lt;b&gt;solar&lt;/b&gt;.\nPanels in May.").doesNotContain("<b>solar</b>")
                .doesNotContain("id=\"outcome-statement-input\"");
        String authorsPage = PageSession.signIn(http, bob).get("/cooperatives/{c}/proposals/{p}", coop, p).body();
        assertThat(authorsPage).contains("id=\"outcome-statement-input\"");
    }

    @Test
    void theAuthorRecordsTheOutcomeStatementFromTheProposalPage() {
        String p = submit("").expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        post(p, "opening");
        post(p, "closing");
        PageSession page = PageSession.signIn(http, bob);
        PageSession.Answer refused = page.post("/cooperatives/{c}/proposals/{p}/outcome-statement", Map.of("statement", " "), coop, p);
        assertThat(refused.code()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"outcome-statement-refusal\"");
        PageSession.Answer recorded = page.post("/cooperatives/{c}/proposals/{p}/outcome-statement",
                Map.of("statement", "Accepted by all."), coop, p);
        assertThat(recorded.code()).isBetween(300, 399);
        assertThat(page.get("/cooperatives/{c}/proposals/{p}", coop, p).body()).contains(">Accepted by all.<");
    }

    private WebTestClient.ResponseSpec statement(String who, String proposal, String text) {
        return http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/outcome-statement", coop, proposal).headers(as(who))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("statement", text)).exchange();
    }
}
