package coop.plenum.audit;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.PlenumContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import coop.plenum.governance.audit.Checkpoint;
import coop.plenum.governance.audit.HashChain;
import coop.plenum.governance.audit.StoredEvent;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Audit": verification detects any stored event that was altered, removed, reordered or inserted, each done
 * directly in PostgreSQL as a database administrator could, and names the first bad event. Each tampering is
 * undone before the next, and the history verifies again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TamperingWithTheLogIsDetectedTest {

    private static final String ADMIN = "audit-admin";
    private ConfigurableApplicationContext app;
    private WebTestClient http;
    private JdbcTemplate jdbc;
    private String coop;

    @BeforeAll
    void aCooperativeWithSomeHistoryAndAnAuditor() throws Exception {
        app = PlenumContexts.start(Files.createTempDirectory("plenum-audit-"), ADMIN);
        http = PlenumContexts.client(app);
        jdbc = app.getBean(JdbcTemplate.class);
        String alice = account("alice");
        account("audra");
        String audra = account("audra2");
        coop = asAdmin(http.post().uri("/api/v1/cooperatives")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Ledger Lane\",\"charter\":{\"classes\":[{\"id\":\"makers\",\"name\":\"Makers\",\"weight\":100,\"quorum\":10}]},"
                        + "\"founders\":[{\"accountId\":\"" + alice + "\",\"classId\":\"makers\"}],\"secretaryAccountId\":\"" + alice + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("cooperativeId").asText();
        http.put().uri("/api/v1/cooperatives/{c}/roles/{a}", coop, audra).headers(h -> h.setBasicAuth("alice", "alice-password"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"roles\":[\"AUDITOR\"]}").exchange().expectStatus().isNoContent();
        for (int i = 0; i < 3; i++) {
            String proposal = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(h -> h.setBasicAuth("alice", "alice-password"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"title\":\"Proposal " + i + "\",\"body\":\"Body\",\"topic\":\"general\",\"kind\":\"GENERAL\"}")
                    .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .get("proposalId").asText();
            http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/comments", coop, proposal)
                    .headers(h -> h.setBasicAuth("alice", "alice-password")).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"text\":\"Comment " + i + "\"}").exchange().expectStatus().isCreated();
        }
        JsonNode clean = awaitVerification(v -> v.path("eventsPending").asLong() == 0 && v.path("eventsChecked").asLong() >= 8);
        assertThat(clean.path("ok").asBoolean()).isTrue();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void anAlteredPayloadIsNamed() {
        Map<String, Object> event = event("%ProposalSubmitted", 1);
        byte[] original = (byte[]) event.get("payload");
        byte[] forged = new String(original, StandardCharsets.UTF_8).replace("Proposal 1", "Proposal X").getBytes(StandardCharsets.UTF_8);
        jdbc.update("update domainevententry set payload = ? where globalindex = ?", forged, event.get("globalindex"));
        expectBad(event, "ALTERED");
        jdbc.update("update domainevententry set payload = ? where globalindex = ?", original, event.get("globalindex"));
        expectOk();
    }

    @Test
    void aDeletedEventIsNamed() {
        Map<String, Object> event = event("%CommentAdded", 0);
        jdbc.update("delete from domainevententry where globalindex = ?", event.get("globalindex"));
        expectBad(event, "MISSING");
        jdbc.update("insert into domainevententry (globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, "
                        + "timestamp, payloadtype, payloadrevision, payload, metadata) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.get("globalindex"), event.get("eventidentifier"), event.get("aggregateidentifier"), event.get("sequencenumber"),
                event.get("type"), event.get("timestamp"), event.get("payloadtype"), event.get("payloadrevision"),
                event.get("payload"), event.get("metadata"));
        expectOk();
    }

    @Test
    void twoSwappedPositionsAreNamed() {
        Map<String, Object> first = event("%ProposalSubmitted", 0);
        Map<String, Object> second = event("%CommentAdded", 2);
        swap((Long) first.get("globalindex"), (Long) second.get("globalindex"));
        expectBad(first, "REORDERED");
        swap((Long) first.get("globalindex"), (Long) second.get("globalindex"));
        expectOk();
    }

    @Test
    void aForgedRowInsertedAheadOfTheChainIsNamed() {
        Map<String, Object> model = event("%CommentAdded", 1);
        jdbc.update("insert into domainevententry (globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, "
                        + "timestamp, payloadtype, payloadrevision, payload, metadata) values (0, 'forged-1', ?, 99, 'Cooperative', ?, ?, null, ?, ?)",
                coop, model.get("timestamp"), "coop.plenum.governance.membership.MemberSuspended",
                "{\"forged\":true}".getBytes(StandardCharsets.UTF_8), model.get("metadata"));
        JsonNode verification = verification();
        assertThat(verification.path("ok").asBoolean()).isFalse();
        assertThat(verification.at("/firstBadEvent/problem").asText()).isEqualTo("INSERTED");
        assertThat(verification.at("/firstBadEvent/position").asLong()).isZero();
        assertThat(verification.at("/firstBadEvent/sequenceNumber").asLong()).isEqualTo(99);
        jdbc.update("delete from domainevententry where globalindex = 0");
        expectOk();
    }

    @Test
    void aRewriteThatRecomputesTheChainIsCaughtByTheSignedCheckpoint() throws Exception {
        awaitVerification(v -> v.at("/lastCheckpoint/length").asLong() == v.path("eventsChecked").asLong());
        Map<String, Object> event = event("%ProposalSubmitted", 2);
        byte[] original = (byte[]) event.get("payload");
        jdbc.update("update domainevententry set payload = ? where globalindex = ?",
                new String(original, StandardCharsets.UTF_8).replace("Proposal 2", "Proposal Z").getBytes(StandardCharsets.UTF_8),
                event.get("globalindex"));
        recomputeTheChainAsAnAttackerWould();
        JsonNode verification = verification();
        assertThat(verification.path("ok").asBoolean()).isFalse();
        assertThat(verification.at("/firstBadEvent/problem").asText()).isEqualTo("REWRITTEN");

        jdbc.update("update domainevententry set payload = ? where globalindex = ?", original, event.get("globalindex"));
        recomputeTheChainAsAnAttackerWould();
        expectOk();
    }

    @Test
    void anEditedCheckpointFailsItsSignature() throws Exception {
        JsonNode signed = awaitVerification(v -> !v.path("lastCheckpoint").isNull());
        long length = signed.at("/lastCheckpoint/length").asLong();
        byte[] head = jdbc.queryForObject("select chain_head from audit_checkpoint where cooperative_id = ? and length = ?",
                byte[].class, coop, length);
        byte[] other = head.clone();
        other[0] ^= 1;
        jdbc.update("update audit_checkpoint set chain_head = ? where cooperative_id = ? and length = ?", other, coop, length);
        JsonNode verification = verification();
        assertThat(verification.at("/firstBadEvent/problem").asText()).isEqualTo("CHECKPOINT_FORGED");
        jdbc.update("update audit_checkpoint set chain_head = ? where cooperative_id = ? and length = ?", head, coop, length);
        expectOk();
    }

    @Test
    void aCheckpointVerifiesWithNothingButThePublishedPublicKey() throws Exception {
        JsonNode checkpoint = awaitVerification(v -> !v.path("lastCheckpoint").isNull()).path("lastCheckpoint");
        JsonNode key = http.get().uri("/api/v1/audit/public-key").headers(h -> h.setBasicAuth("audra2", "audra2-password"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(key.path("algorithm").asText()).isEqualTo("Ed25519");
        HexFormat hex = HexFormat.of();
        Checkpoint rebuilt = new Checkpoint(coop, checkpoint.path("length").asLong(), checkpoint.path("position").asLong(),
                hex.parseHex(checkpoint.path("chainHead").asText()), hex.parseHex(checkpoint.path("merkleRoot").asText()),
                java.time.Instant.parse(checkpoint.path("createdAt").asText()), checkpoint.path("keyId").asText(),
                Base64.getDecoder().decode(checkpoint.path("signature").asText()));
        assertThat(rebuilt.signedBy(Base64.getDecoder().decode(key.path("publicKey").asText()))).isTrue();
        assertThat(checkpoint.path("keyId").asText()).isEqualTo(key.path("keyId").asText());
    }

    /** What someone with write access to the database but without the signing key can do: recompute every link. */
    private void recomputeTheChainAsAnAttackerWould() {
        HashChain chain = new HashChain();
        jdbc.query("select l.position, d.aggregateidentifier, d.sequencenumber, d.payloadtype, d.timestamp, d.metadata, d.payload "
                + "from audit_chain_link l join domainevententry d on d.globalindex = l.position where l.cooperative_id = ? "
                + "order by l.chain_index", rs -> {
            byte[] hash = new StoredEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                    rs.getBytes(6), rs.getBytes(7)).hash();
            byte[] link = chain.append(hash);
            jdbc.update("update audit_chain_link set event_hash = ?, link = ? where position = ?", hash, link, rs.getLong(1));
        }, coop);
        jdbc.update("update audit_chain_head set head = ? where cooperative_id = ?", chain.head(), coop);
    }

    @Test
    void onlyTheCooperativesAuditorsAndTheOperatorVerify() {
        http.get().uri("/api/v1/cooperatives/{c}/audit/verification", coop).headers(h -> h.setBasicAuth("alice", "alice-password"))
                .exchange().expectStatus().isForbidden();
        asAdmin(http.get().uri("/api/v1/cooperatives/{c}/audit/verification", coop)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.ok").isEqualTo(true);
        JsonNode all = asAdmin(http.get().uri("/api/v1/audit/verification")).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(all.findValuesAsText("cooperativeId")).contains(coop, "_platform");
        http.get().uri("/api/v1/audit/verification").headers(h -> h.setBasicAuth("audra2", "audra2-password"))
                .exchange().expectStatus().isForbidden();
    }

    private void expectBad(Map<String, Object> event, String problem) {
        JsonNode verification = verification();
        assertThat(verification.path("ok").asBoolean()).as(verification.toString()).isFalse();
        JsonNode bad = verification.path("firstBadEvent");
        assertThat(bad.path("problem").asText()).isEqualTo(problem);
        assertThat(bad.path("position").asLong()).isEqualTo((Long) event.get("globalindex"));
        assertThat(bad.path("aggregateIdentifier").asText()).isEqualTo(event.get("aggregateidentifier"));
        assertThat(bad.path("sequenceNumber").asLong()).isEqualTo((Long) event.get("sequencenumber"));
    }

    private void expectOk() {
        JsonNode verification = verification();
        assertThat(verification.path("ok").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("firstBadEvent").isNull()).isTrue();
    }

    private void swap(long a, long b) {
        jdbc.update("update domainevententry set globalindex = -424242 where globalindex = ?", a);
        jdbc.update("update domainevententry set globalindex = ? where globalindex = ?", a, b);
        jdbc.update("update domainevententry set globalindex = ? where globalindex = -424242", b);
    }

    /** The n-th event of a type among this cooperative's proposals, as stored. */
    private Map<String, Object> event(String payloadType, int n) {
        return jdbc.queryForList("select d.* from domainevententry d join audit_chain_link l on l.position = d.globalindex "
                + "where l.cooperative_id = ? and d.payloadtype like ? order by d.globalindex", coop, payloadType).get(n);
    }

    private JsonNode verification() {
        return http.get().uri("/api/v1/cooperatives/{c}/audit/verification", coop).headers(h -> h.setBasicAuth("audra2", "audra2-password"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode awaitVerification(java.util.function.Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = verification();
        while (!condition.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = verification();
        }
        assertThat(condition.test(last)).as(last.toString()).isTrue();
        return last;
    }

    private String account(String username) {
        return asAdmin(http.post().uri("/api/v1/accounts")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + username + "\",\"password\":\"" + username + "-password\",\"displayName\":\"" + username + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("accountId").asText();
    }

    private static <T extends WebTestClient.RequestHeadersSpec<?>> T asAdmin(T spec) {
        spec.headers(h -> h.setBasicAuth("admin", ADMIN));
        return spec;
    }
}
