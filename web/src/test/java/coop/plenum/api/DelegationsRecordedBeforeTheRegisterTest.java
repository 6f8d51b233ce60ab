package coop.plenum.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.governance.audit.offline.AuditCommand;
import coop.plenum.governance.delegation.DelegationStreams;
import coop.plenum.governance.delegation.VoteDelegated;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: delegations moved from the Cooperative's stream to the cooperative's delegation register, and the events
 * already in the Cooperative's stream stay there. A cooperative with such a history, then new delegations through the
 * register: the register decides on both, the read side and a closing vote see both in log order, and the audit chain
 * places the register's events in the cooperative's history, which verifies on the server and offline.
 */
class DelegationsRecordedBeforeTheRegisterTest extends BootedPlenum {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private EventStore log;
    @Autowired
    private org.axonframework.config.EventProcessingConfiguration processing;

    private Cooperators steps;
    private String alice, bob, cara, dan, olga;         // alice: workers, secretary; bob, cara: users; dan: workers
    private String aliceM, bobM, caraM, danM;
    private String coop;

    @BeforeEach
    void aCooperativeOfFourAndAnAuditor() {
        steps = new Cooperators(http);
        alice = unique("alice");
        bob = unique("bob");
        cara = unique("cara");
        dan = unique("dan");
        olga = unique("olga");
        String a = createAccount(alice, "Alice");
        String b = createAccount(bob, "Bob");
        String c = createAccount(cara, "Cara");
        String d = createAccount(dan, "Dan");
        String o = createAccount(olga, "Olga");
        coop = foundCooperative("""
                {"name": "Delegates of old",
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
        steps.setRoles(alice, coop, o, "[\"AUDITOR\"]");
    }

    @Test
    void theRegisterAndAClosingVoteFollowTheCooperativeStreamsDelegationsThenTheRegistersAndTheAuditChainHoldsBoth()
            throws Exception {
        // as the Cooperative aggregate recorded them before the register existed: dan → cara for every topic, bob → alice for energy
        recordedInTheCooperativeStream(new VoteDelegated(new CooperativeId(coop), new MemberId(danM), "_global", new MemberId(caraM),
                null, Instant.now()), dan);
        recordedInTheCooperativeStream(new VoteDelegated(new CooperativeId(coop), new MemberId(bobM), "energy", new MemberId(aliceM),
                null, Instant.now()), bob);

        // the register revokes what the cooperative's stream recorded, and replaces it
        revoke(bob, bobM, "energy");
        revoke(bob, bobM, "energy");                       // nothing left to revoke: nothing recorded
        delegate(bob, bobM, "_global", caraM);
        delegate(dan, danM, "_global", caraM);             // already so, in the cooperative's stream: nothing recorded
        List<JsonNode> register = payloads("select payload from domainevententry where aggregateidentifier = ? order by sequencenumber",
                DelegationStreams.registerId(new CooperativeId(coop)));
        assertThat(register).hasSize(2);
        assertThat(register.get(0).path("delegateId").asText()).as("the revoked delegate, from the cooperative's stream").isEqualTo(aliceM);
        assertThat(register.get(1).path("memberId").asText()).isEqualTo(bobM);
        assertThat(register.get(1).path("previousDelegateId").isNull()).isTrue();

        // the read model in force: both streams, in log order
        JsonNode bobs = get(bob, "/api/v1/cooperatives/{c}/members/{m}/delegations", coop, bobM);
        assertThat(bobs.get("delegations")).hasSize(1);
        assertThat(bobs.at("/delegations/0/scope").asText()).isEqualTo("_global");
        assertThat(bobs.at("/delegations/0/delegateId").asText()).isEqualTo(caraM);
        assertThat(get(dan, "/api/v1/cooperatives/{c}/members/{m}/delegations", coop, danM).at("/delegations/0/delegateId").asText())
                .isEqualTo(caraM);

        String p = openEnergyProposal();
        vote(cara, p, caraM, "YES");
        vote(alice, p, aliceM, "NO");
        for (String delegator : List.of(bobM, danM)) {
            JsonNode live = provenance(p, delegator);
            assertThat(live.get("how").asText()).as("live, " + delegator).isEqualTo("DELEGATED");
            assertThat(live.at("/castBy/memberId").asText()).isEqualTo(caraM);
        }
        post(p, "closing");

        List<JsonNode> frozen = payloads("select payload from domainevententry where aggregateidentifier = ? "
                + "and payloadtype like '%DelegationsFrozen'", p);
        assertThat(frozen).hasSize(1);
        List<String> pairs = new ArrayList<>();
        frozen.get(0).path("delegations").forEach(d -> pairs.add(d.path("memberId").asText() + "→" + d.path("delegateId").asText()));
        assertThat(pairs).as("the cooperative stream's dan → cara and the register's bob → cara, not bob → alice for energy")
                .containsExactlyInAnyOrder(bobM + "→" + caraM, danM + "→" + caraM);
        JsonNode decided = provenance(p, danM);
        assertThat(decided.get("how").asText()).isEqualTo("DELEGATED");
        assertThat(decided.at("/castBy/memberId").asText()).isEqualTo(caraM);
        assertThat(tally(p).at("/classes/1/yes").asText()).as("bob's and cara's power, in users").isEqualTo("2.000000");

        // the register's events carry the cooperative, and sit in its chain, which verifies on the server and offline
        jdbc.query("select metadata from domainevententry where aggregateidentifier = ?", (rs, n) -> rs.getBytes(1),
                        DelegationStreams.registerId(new CooperativeId(coop)))
                .forEach(metadata -> assertThat(json(metadata).path("cooperativeId").asText()).isEqualTo(coop));
        awaitEverythingSigned();
        assertThat(jdbc.queryForList("select distinct cooperative_id from audit_chain_link where aggregate_identifier = ?",
                String.class, DelegationStreams.registerId(new CooperativeId(coop)))).containsExactly(coop);
        Path dir = Files.createTempDirectory("plenum-register-export-");
        Path export = dir.resolve("export.ndjson");
        Files.write(export, http.get().uri("/api/v1/cooperatives/{c}/audit/events", coop).headers(as(olga)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(Files.readString(export)).contains("\"aggregateType\":\"" + DelegationStreams.REGISTER_AGGREGATE_TYPE + "\"")
                .contains("\"aggregateType\":\"Cooperative\"");
        Path key = dir.resolve("key.json");
        Files.writeString(key, http.get().uri("/api/v1/audit/public-key").headers(as(olga)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = AuditCommand.run(List.of("audit", "verify", export.toString(), "--public-key", key.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void theDelegationReadModelTakesEachCooperativesChangesFromBothStreamsInOneSequence() {
        var policy = processing.sequencingPolicy("readmodel-delegations");
        CooperativeId c = new CooperativeId(coop);
        VoteDelegated delegated = new VoteDelegated(c, new MemberId(bobM), "_global", new MemberId(caraM), null, Instant.now());
        assertThat(policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>(DelegationStreams.REGISTER_AGGREGATE_TYPE,
                DelegationStreams.registerId(c), 0, delegated)))
                .isEqualTo(policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>("Cooperative", coop, 9, delegated)));
    }

    /** Appends to the Cooperative's own stream, as the Cooperative aggregate did before the register. */
    private void recordedInTheCooperativeStream(Object event, String actor) {
        long next = log.lastSequenceNumberFor(coop).orElse(-1L) + 1;
        log.publish(new GenericDomainEventMessage<>("Cooperative", coop, next, event, MetaData.with("actor", actor)));
    }

    private List<JsonNode> payloads(String sql, String aggregate) {
        return jdbc.query(sql, (rs, n) -> json(rs.getBytes(1)), aggregate);
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitEverythingSigned() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get(olga, "/api/v1/cooperatives/{c}/audit/verification", coop);
            if (last.path("ok").asBoolean() && last.path("eventsPending").asLong() == 0
                    && last.at("/lastCheckpoint/length").asLong() == last.path("eventsChecked").asLong()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not everything was signed in 30 s: " + last);
    }

    private void delegate(String as, String member, String scope, String delegate) {
        http.put().uri("/api/v1/cooperatives/{c}/members/{m}/delegations/{s}", coop, member, scope).headers(as(as))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"delegateId\":\"" + delegate + "\"}")
                .exchange().expectStatus().isNoContent();
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
}
