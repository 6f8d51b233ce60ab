package coop.plenum.api;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.List;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Liquid delegation" over HTTP, on the booted application. */
class DelegationApiTest extends BootedPlenum {

    private Cooperators steps;
    private String alice, bob, cara, dan;               // alice: workers, secretary; bob, cara: users; dan: workers
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
                {"name": "Delegates",
                 "charter": {"classes": [{"id": "workers", "name": "Workers", "weight": 50, "quorum": 0},
                                         {"id": "users", "name": "Users", "weight": 50, "quorum": 0}],
                             "topics": ["energy", "finance"],
                             "delegation": {"enabled": true, "maxChainLength": 3}},
                 "founders": [{"accountId": "%s", "classId": "workers"}, {"accountId": "%s", "classId": "users"},
                              {"accountId": "%s", "classId": "users"}, {"accountId": "%s", "classId": "workers"}],
                 "secretaryAccountId": "%s"}""".formatted(a, b, c, d, a));
        aliceM = steps.memberIdOf(alice, coop, a);
        bobM = steps.memberIdOf(alice, coop, b);
        caraM = steps.memberIdOf(alice, coop, c);
        danM = steps.memberIdOf(alice, coop, d);
    }

    private void delegate(String as, String member, String scope, String delegate, int status) {
        http.put().uri("/api/v1/cooperatives/{c}/members/{m}/delegations/{s}", coop, member, scope).headers(as(as))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"delegateId\":\"" + delegate + "\"}")
                .exchange().expectStatus().isEqualTo(status);
    }

    private void revoke(String as, String member, String scope) {
        http.delete().uri("/api/v1/cooperatives/{c}/members/{m}/delegations/{s}", coop, member, scope).headers(as(as))
                .exchange().expectStatus().isNoContent();
    }

    private String openEnergyProposal() {
        String p = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Wind\",\"body\":\"A turbine\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        post(p, "opening");
        return p;
    }

    private void post(String proposal, String action) {
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/{a}", coop, proposal, action).headers(as(alice))
                .exchange().expectStatus().isNoContent();
    }

    private void vote(String as, String proposal, String member, String choice) {
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, member).headers(as(as))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"" + choice + "\"}")
                .exchange().expectStatus().isOk();
    }

    private JsonNode get(String as, String uri, Object... vars) {
        return http.get().uri(uri, vars).headers(as(as)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode tally(String proposal) {
        return get(bob, "/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, proposal);
    }

    private JsonNode provenance(String proposal, String member) {
        return get(bob, "/api/v1/cooperatives/{c}/proposals/{p}/tally/members/{m}", coop, proposal, member);
    }

    @Test
    void badDelegationsAreRefusedNamingTheReasonAndStoreNothing() {
        long before = eventsInTheLog();
        delegate(bob, bobM, "_global", bobM, 400);                 // to oneself
        delegate(bob, bobM, "_global", "no-such-member", 400);     // to a non-member
        delegate(bob, bobM, "gardening", aliceM, 400);             // not a charter topic
        delegate(alice, bobM, "_global", aliceM, 403);             // someone else's vote
        assertThat(eventsInTheLog()).isEqualTo(before);
        steps.command(alice, coop, caraM, "suspension");
        long afterSuspension = eventsInTheLog();
        delegate(bob, bobM, "_global", caraM, 409);                // to an inactive member
        delegate(cara, caraM, "_global", bobM, 409);               // an inactive member delegates
        assertThat(eventsInTheLog()).isEqualTo(afterSuspension);
        http.put().uri("/api/v1/cooperatives/{c}/members/{m}/delegations/_global", coop, bobM).headers(as(bob))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("delegateId");
    }

    @Test
    void aDelegatesBallotCountsForTheDelegatorInTheirOwnClassLiveAndFinal() {
        delegate(bob, bobM, "_global", danM, 204);   // bob (users) → dan (workers)
        String p = openEnergyProposal();
        vote(dan, p, danM, "YES");
        JsonNode live = tally(p);
        assertThat(live.at("/classes/1/classId").asText()).isEqualTo("users");
        assertThat(live.at("/classes/1/yes").asText()).isEqualTo("1.000000");     // bob's power, in users
        assertThat(live.at("/classes/0/yes").asText()).isEqualTo("1.000000");     // dan's own, in workers

        JsonNode how = provenance(p, bobM);
        assertThat(how.get("how").asText()).isEqualTo("DELEGATED");
        assertThat(how.get("choice").asText()).isEqualTo("YES");
        assertThat(how.at("/castBy/memberId").asText()).isEqualTo(danM);
        assertThat(how.at("/castBy/displayName").asText()).isEqualTo("Dan");
        assertThat(how.get("chain")).hasSize(2);

        post(p, "closing");
        Instant closed = Instant.now();
        revoke(bob, bobM, "_global");            // after closing: changes nothing in the decision
        JsonNode decided = tally(p);
        assertThat(decided.at("/classes/1/yes").asText()).isEqualTo("1.000000");
        assertThat(decided.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(provenance(p, bobM).get("decided").asBoolean()).isTrue();
        assertThat(provenance(p, bobM).get("how").asText()).isEqualTo("DELEGATED");
        assertThat(closed).isNotNull();
    }

    @Test
    void aTopicDelegationOverridesTheGlobalOneAndARetractedBallotFallsBackToDelegation() {
        delegate(bob, bobM, "_global", aliceM, 204);
        delegate(bob, bobM, "energy", danM, 204);
        String p = openEnergyProposal();
        vote(alice, p, aliceM, "NO");
        vote(dan, p, danM, "YES");
        assertThat(provenance(p, bobM).at("/castBy/memberId").asText()).isEqualTo(danM);
        vote(bob, p, bobM, "NO");
        assertThat(provenance(p, bobM).get("how").asText()).isEqualTo("DIRECT");
        http.delete().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, p, bobM).headers(as(bob))
                .exchange().expectStatus().isNoContent();
        assertThat(provenance(p, bobM).get("how").asText()).isEqualTo("DELEGATED");
        assertThat(tally(p).at("/classes/1/yes").asText()).isEqualTo("1.000000");
    }

    @Test
    void theProvisionalTallyUsesCurrentDelegationsAndAsOfShowsThemAsTheyStood() throws InterruptedException {
        String p = openEnergyProposal();
        vote(dan, p, danM, "YES");
        assertThat(tally(p).at("/classes/1/yes").asText()).isEqualTo("0.000000");
        Thread.sleep(20);
        Instant beforeDelegating = Instant.now();
        Thread.sleep(20);
        delegate(bob, bobM, "energy", danM, 204);
        assertThat(tally(p).at("/classes/1/yes").asText()).isEqualTo("1.000000");
        JsonNode then = get(bob, "/api/v1/cooperatives/{c}/proposals/{p}/tally?asOf={t}", coop, p, beforeDelegating.toString());
        assertThat(then.at("/classes/1/yes").asText()).isEqualTo("0.000000");
        assertThat(provenance(p, caraM).get("how").asText()).isEqualTo("NO_DELEGATION");
        http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}/tally/members/{m}?asOf=yesterday", coop, p, caraM).headers(as(bob))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("asOf");
    }

    @Test
    void theIncrementallyKeptLiveTallyEqualsAFullRecountAfterEveryChange() {
        String p = openEnergyProposal();
        List<Runnable> changes = List.of(
                () -> vote(dan, p, danM, "YES"),
                () -> delegate(bob, bobM, "_global", danM, 204),
                () -> delegate(cara, caraM, "energy", bobM, 204),
                () -> vote(alice, p, aliceM, "NO"),
                () -> delegate(dan, danM, "energy", aliceM, 204),    // dan's own ballot still counts
                () -> vote(bob, p, bobM, "ABSTAIN"),
                () -> http.delete().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, p, bobM).headers(as(bob))
                        .exchange().expectStatus().isNoContent(),
                () -> revoke(bob, bobM, "_global"),
                () -> delegate(bob, bobM, "energy", caraM, 204));   // bob ↔ cara: a cycle
        for (Runnable change : changes) {
            change.run();
            JsonNode live = tally(p);
            JsonNode recount = get(bob, "/api/v1/cooperatives/{c}/proposals/{p}/tally?asOf={t}", coop, p, Instant.now().toString());
            assertThat(live.get("classes")).isEqualTo(recount.get("classes"));
        }
        assertThat(tally(p).at("/classes/1/no").asText()).as("nothing from the bob-cara cycle").isEqualTo("0.000000");
    }

    @Test
    void theTallyStreamSendsANewTallyWhenADelegationChanges() {
        String p = openEnergyProposal();
        vote(dan, p, danM, "YES");
        var events = http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}/tally/stream", coop, p).headers(as(bob))
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new org.springframework.core.ParameterizedTypeReference<org.springframework.http.codec.ServerSentEvent<JsonNode>>() {
                }).getResponseBody();
        reactor.test.StepVerifier.create(events)
                .assertNext(first -> assertThat(first.data().at("/classes/1/yes").asText()).isEqualTo("0.000000"))
                .then(() -> delegate(bob, bobM, "energy", danM, 204))
                .assertNext(next -> assertThat(next.data().at("/classes/1/yes").asText()).isEqualTo("1.000000"))
                .thenCancel()
                .verify(java.time.Duration.ofSeconds(20));
    }

    @Test
    void cyclesAndOverlongChainsAreNotCountedAndTheProvenanceSaysWhy() {
        delegate(bob, bobM, "_global", caraM, 204);
        delegate(cara, caraM, "_global", bobM, 204);
        String p = openEnergyProposal();
        JsonNode cycle = provenance(p, bobM);
        assertThat(cycle.get("how").asText()).isEqualTo("CYCLE");
        assertThat(cycle.get("cycle")).hasSize(2);
        assertThat(cycle.get("counted").asBoolean()).isFalse();
        JsonNode warned = get(bob, "/api/v1/cooperatives/{c}/members/{m}/delegations", coop, bobM);
        assertThat(warned.get("warnings")).isNotEmpty();
        assertThat(warned.at("/warnings/0/kind").asText()).isEqualTo("CYCLE");
    }

    @Test
    void aMembersDelegationsShowWhoRepresentsThemAndWhomTheyRepresentWithThePowerTheyCarry() {
        delegate(bob, bobM, "_global", caraM, 204);
        delegate(cara, caraM, "_global", danM, 204);
        delegate(alice, aliceM, "finance", danM, 204);
        JsonNode bobs = get(alice, "/api/v1/cooperatives/{c}/members/{m}/delegations", coop, bobM);
        assertThat(bobs.at("/delegations/0/delegateId").asText()).isEqualTo(caraM);
        JsonNode energy = bobs.at("/topics/0");
        assertThat(energy.get("topic").asText()).isEqualTo("energy");
        assertThat(energy.get("endsWith").asText()).isEqualTo("REPRESENTED");
        assertThat(energy.at("/representative/displayName").asText()).isEqualTo("Dan");
        assertThat(energy.get("chain")).hasSize(3);

        JsonNode dans = get(bob, "/api/v1/cooperatives/{c}/members/{m}/delegations", coop, danM);
        assertThat(dans.get("delegators")).hasSize(2);           // cara (global), alice (finance)
        assertThat(dans.at("/topics/0/transitive").asInt()).isEqualTo(2);          // energy: cara, bob
        assertThat(dans.at("/topics/0/powerCarried").asText()).isEqualTo("2.000000");
        assertThat(dans.at("/topics/1/transitive").asInt()).isEqualTo(3);          // finance: cara, bob, alice
        assertThat(dans.at("/topics/0/endsWith").asText()).isEqualTo("SELF");
    }

    @Test
    void aChainLongerThanTheChartersMaximumIsNotCounted() {
        // bob → cara → alice → dan is 3 hops (allowed); with dan delegating on to nobody voting, nothing counts
        delegate(bob, bobM, "_global", caraM, 204);
        delegate(cara, caraM, "_global", aliceM, 204);
        delegate(alice, aliceM, "_global", danM, 204);
        String p = openEnergyProposal();
        vote(dan, p, danM, "YES");
        assertThat(provenance(p, bobM).get("how").asText()).isEqualTo("DELEGATED");
        assertThat(provenance(p, bobM).get("hops").asInt()).isEqualTo(3);
        String erin = unique("erin");
        createAccount(erin, "Erin");
        String erinM = steps.apply(coop, erin, "users");
        steps.command(alice, coop, erinM, "admission");
        delegate(erin, erinM, "_global", bobM, 204);
        // erin joined after opening: not in this electorate
        assertThat(provenance(p, erinM).get("how").asText()).isEqualTo("NOT_IN_ELECTORATE");
        String q = openEnergyProposal();
        vote(dan, q, danM, "NO");
        JsonNode tooLong = provenance(q, erinM);
        assertThat(tooLong.get("how").asText()).isEqualTo("CHAIN_TOO_LONG");
        assertThat(tooLong.get("hops").asInt()).isEqualTo(4);
    }

    @Test
    void howSomeoneOutsideTheCooperativeWasCountedIsNotFound() {
        String p = openEnergyProposal();
        String other = unique("other");
        String otherId = createAccount(other, "Other");
        String elsewhere = foundCooperative(riverside(otherId));
        String outsider = steps.memberIdOf(other, elsewhere, otherId);
        for (String stranger : new String[]{"no-such-member", outsider}) {
            http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}/tally/members/{m}", coop, p, stranger).headers(as(bob))
                    .exchange().expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("member.not-found");
        }
    }
}
