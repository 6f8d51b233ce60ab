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
import coop.plenum.governance.audit.Ed25519;
import coop.plenum.governance.audit.MerkleFrontier;
import coop.plenum.governance.audit.MerkleTree;
import coop.plenum.governance.audit.offline.DecisionReplay;
import coop.plenum.governance.audit.offline.AuditCommand;
import coop.plenum.governance.audit.offline.ExportVerifier;
import java.util.ArrayList;
import java.util.List;
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
        String decided = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(h -> h.setBasicAuth("alice", "alice-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Buy a kiln\",\"body\":\"Second hand\",\"topic\":\"general\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        String aliceMember = http.get().uri("/api/v1/cooperatives/{c}/members", coop).headers(h -> h.setBasicAuth("alice", "alice-password"))
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody().get(0).get("memberId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, decided).headers(h -> h.setBasicAuth("alice", "alice-password"))
                .exchange().expectStatus().isNoContent();
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, decided, aliceMember)
                .headers(h -> h.setBasicAuth("alice", "alice-password")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"choice\":\"YES\"}").exchange().expectStatus().is2xxSuccessful();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", coop, decided).headers(h -> h.setBasicAuth("alice", "alice-password"))
                .exchange().expectStatus().isNoContent();
        JsonNode clean = awaitVerification(v -> v.path("eventsPending").asLong() == 0 && v.path("eventsChecked").asLong() >= 12);
        assertThat(clean.path("ok").asBoolean()).isTrue();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void everyEventOfTheCooperativeCarriesItsIdInItsMetadata() throws Exception {
        awaitVerification(v -> v.path("eventsPending").asLong() == 0);
        List<Map<String, Object>> events = jdbc.queryForList("select d.type, convert_from(d.metadata, 'UTF8') as metadata "
                + "from domainevententry d join audit_chain_link l on l.position = d.globalindex where l.cooperative_id = ?", coop);
        assertThat(events).extracting(e -> e.get("type")).contains("Cooperative", "Ledger", "Proposal");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (Map<String, Object> event : events) {
            assertThat(json.readTree((String) event.get("metadata")).path("cooperativeId").asText()).as(event.toString()).isEqualTo(coop);
        }
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

    @Test
    void theExportVerifiesOfflineAndEveryEditToItIsNamed() throws Exception {
        JsonNode verification = awaitVerification(v -> v.at("/lastCheckpoint/length").asLong() == v.path("eventsChecked").asLong());
        List<String> lines = export();
        assertThat(lines.get(0)).contains("\"kind\":\"header\"");
        assertThat(lines.get(lines.size() - 1)).contains("\"kind\":\"trailer\"");
        byte[] key = Base64.getDecoder().decode(publicKey().path("publicKey").asText());

        ExportVerifier.Report report = offline(lines, key);
        assertThat(report.problem()).isNull();
        assertThat(report.ok()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(verification.path("eventsChecked").asLong());
        assertThat(report.checkpointsChecked()).isPositive();
        assertThat(report.decisions()).hasSize(1).allMatch(DecisionReplay.Result::matches);
        assertThat(report.decisions().get(0).outcome()).isEqualTo("ACCEPTED");

        int event = indexOf(lines, "CommentAdded");
        List<String> oneByte = new ArrayList<>(lines);
        oneByte.set(event, lines.get(event).replace("Comment ", "Cimment "));
        assertThat(offline(oneByte, key).problem()).startsWith("line " + (event + 1) + ": event").contains("was altered");

        List<String> deleted = new ArrayList<>(lines);
        deleted.remove(event);
        assertThat(offline(deleted, key).problem()).startsWith("line " + (event + 1) + ":").contains("missing");

        int checkpoint = firstCheckpointAfterAnEvent(lines);
        List<String> beforeCheckpoint = new ArrayList<>(lines);
        beforeCheckpoint.remove(checkpoint - 1);
        assertThat(offline(beforeCheckpoint, key).problem()).startsWith("line " + checkpoint + ":").contains("missing");

        List<String> swapped = new ArrayList<>(lines);
        java.util.Collections.swap(swapped, event, event + 1);
        assertThat(offline(swapped, key).problem()).startsWith("line " + (event + 1) + ":");

        List<String> inserted = new ArrayList<>(lines);
        inserted.add(event, lines.get(event - 1));
        assertThat(offline(inserted, key).problem()).startsWith("line " + (event + 1) + ":").contains("inserted");

        List<String> cut = new ArrayList<>(lines.subList(0, lines.size() - 1));
        assertThat(offline(cut, key).problem()).contains("cut short");

        byte[] otherKey = Ed25519.raw(java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
        assertThat(offline(lines, otherKey).problem()).contains("not signed by the given key");
    }

    @Test
    void aForgedExportResignedWithAnotherKeyStillFailsWhereADecisionDoesNotFollowFromItsBallots() throws Exception {
        awaitVerification(v -> v.at("/lastCheckpoint/length").asLong() == v.path("eventsChecked").asLong());
        java.security.KeyPair forger = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        List<String> forged = new ArrayList<>();
        HashChain chain = new HashChain();
        MerkleFrontier frontier = new MerkleFrontier();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        HexFormat hex = HexFormat.of();
        for (String text : export()) {
            com.fasterxml.jackson.databind.node.ObjectNode line = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(text);
            switch (line.path("kind").asText()) {
                case "header" -> line.put("publicKey", Base64.getEncoder().encodeToString(Ed25519.raw(forger.getPublic())));
                case "event" -> {
                    if (line.path("type").asText().endsWith("VotingClosed")) {
                        line.put("payload", line.path("payload").asText().replace("ACCEPTED", "REJECTED"));
                    }
                    byte[] hash = new StoredEvent(line.path("position").asLong(), line.path("eventIdentifier").asText(),
                            line.path("aggregateType").asText(), line.path("aggregateIdentifier").asText(), line.path("sequenceNumber").asLong(),
                            line.path("type").asText(), line.path("payloadRevision").isNull() ? null : line.path("payloadRevision").asText(),
                            line.path("timestamp").asText(), line.path("metadata").asText().getBytes(StandardCharsets.UTF_8),
                            line.path("payload").asText().getBytes(StandardCharsets.UTF_8)).hash();
                    line.put("hash", hex.formatHex(hash)).put("link", hex.formatHex(chain.append(hash)));
                    frontier.append(MerkleTree.leafHash(hash));
                }
                case "checkpoint" -> {
                    Checkpoint resigned = new Checkpoint(line.path("cooperativeId").asText(), line.path("length").asLong(),
                            line.path("position").asLong(), chain.head(), frontier.root(),
                            java.time.Instant.parse(line.path("createdAt").asText()), "forger", null);
                    line.put("chainHead", hex.formatHex(chain.head())).put("merkleRoot", hex.formatHex(frontier.root()))
                            .put("signature", Base64.getEncoder().encodeToString(Ed25519.sign(forger.getPrivate(), resigned.statement())));
                }
                case "trailer" -> line.put("chainHead", hex.formatHex(chain.head()));
                default -> { }
            }
            forged.add(line.toString());
        }
        ExportVerifier.Report report = offline(forged, null);
        assertThat(report.problem()).as("chain and signatures are consistent with the forger's key").isNull();
        assertThat(report.ok()).isFalse();
        assertThat(report.decisionsDiffering()).isEqualTo(1);
        assertThat(report.decisions().get(0).recordedOutcome()).isEqualTo("REJECTED");
        assertThat(report.decisions().get(0).outcome()).isEqualTo("ACCEPTED");
        // ...and with the node's real key the forgery fails at its first checkpoint
        byte[] nodeKey = Base64.getDecoder().decode(publicKey().path("publicKey").asText());
        assertThat(offline(forged, nodeKey).problem()).contains("not signed by the given key");
    }

    @Test
    void theCommandLineVerifierExitsZeroOnlyForAnIntactExport() throws Exception {
        awaitVerification(v -> v.at("/lastCheckpoint/length").asLong() == v.path("eventsChecked").asLong());
        Path dir = Files.createTempDirectory("plenum-export-");
        Path file = dir.resolve("export.ndjson");
        Files.write(file, export());
        Path keyFile = dir.resolve("key.json");
        Files.writeString(keyFile, publicKey().toString());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = AuditCommand.run(List.of("audit", "verify", file.toString(), "--public-key", keyFile.toString()),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("decisions re-tallied", "OK: the history holds");

        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int event = indexOf(lines, "ProposalSubmitted");
        lines.set(event, lines.get(event).replace("Proposal 0", "Proposal 9"));
        Files.write(file, lines);
        out.reset();
        assertThat(AuditCommand.run(List.of("audit", "verify", file.toString(), "--public-key", keyFile.toString()),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAILED: line " + (event + 1));
        assertThat(AuditCommand.run(List.of("audit", "verify"), System.out, new java.io.PrintStream(new java.io.ByteArrayOutputStream()))).isEqualTo(2);
    }

    @Test
    void aVotersReceiptProvesTheirBallotIsInTheSignedHistoryWithNothingButThePublicKey() throws Exception {
        awaitVerification(v -> v.at("/lastCheckpoint/length").asLong() == v.path("eventsChecked").asLong());
        long ballot = jdbc.queryForObject("select l.position from audit_chain_link l join domainevententry d on d.globalindex = l.position "
                + "where l.cooperative_id = ? and d.payloadtype like '%BallotCast'", Long.class, coop);
        JsonNode receipt = http.get().uri("/api/v1/cooperatives/{c}/audit/receipts/{p}", coop, ballot)
                .headers(h -> h.setBasicAuth("alice", "alice-password")).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(receipt.path("eventType").asText()).endsWith("BallotCast");
        http.get().uri("/api/v1/cooperatives/{c}/audit/receipts/{p}", coop, ballot).headers(h -> h.setBasicAuth("audra", "audra-password"))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/cooperatives/{c}/audit/receipts/{p}", coop, 999_999_999L).headers(h -> h.setBasicAuth("audra2", "audra2-password"))
                .exchange().expectStatus().isNotFound();

        Path dir = Files.createTempDirectory("plenum-receipt-");
        Path file = dir.resolve("receipt.json");
        Files.writeString(file, receipt.toString());
        Path keyFile = dir.resolve("key.txt");
        Files.writeString(keyFile, publicKey().path("publicKeyHex").asText());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertThat(AuditCommand.run(List.of("audit", "receipt", file.toString(), "--public-key", keyFile.toString()),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), System.err)).as(out.toString(StandardCharsets.UTF_8)).isZero();

        String hash = receipt.path("eventHash").asText();
        Files.writeString(file, receipt.toString().replace(hash, (hash.charAt(0) == 'a' ? "b" : "a") + hash.substring(1)));
        out.reset();
        assertThat(AuditCommand.run(List.of("audit", "receipt", file.toString(), "--public-key", keyFile.toString()),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("inclusion proof does not lead");
    }

    @Test
    void everyLaterCheckpointProvablyExtendsTheFirst() throws Exception {
        awaitVerification(v -> v.at("/lastCheckpoint/length").asLong() == v.path("eventsChecked").asLong());
        List<Long> lengths = jdbc.queryForList("select length from audit_checkpoint where cooperative_id = ? order by length", Long.class, coop);
        for (long to : lengths) {
            JsonNode proof = http.get().uri("/api/v1/cooperatives/{c}/audit/consistency?from={f}&to={t}", coop, lengths.get(0), to)
                    .headers(h -> h.setBasicAuth("audra2", "audra2-password")).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            HexFormat hex = HexFormat.of();
            List<byte[]> path = new ArrayList<>();
            proof.path("proof").forEach(p -> path.add(hex.parseHex(p.asText())));
            assertThat(MerkleTree.verifyConsistency(lengths.get(0), to, hex.parseHex(proof.at("/from/merkleRoot").asText()),
                    hex.parseHex(proof.at("/to/merkleRoot").asText()), path)).isTrue();
        }
    }

    private List<String> export() {
        byte[] body = http.get().uri("/api/v1/cooperatives/{c}/audit/events", coop).headers(h -> h.setBasicAuth("audra2", "audra2-password"))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/x-ndjson"))
                .expectBody().returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8).lines().toList();
    }

    private JsonNode publicKey() {
        return http.get().uri("/api/v1/audit/public-key").headers(h -> h.setBasicAuth("audra2", "audra2-password"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static ExportVerifier.Report offline(List<String> lines, byte[] key) throws java.io.IOException {
        return new ExportVerifier(key).verify(new java.io.BufferedReader(new java.io.StringReader(String.join("\n", lines) + "\n")), n -> { });
    }

    private static int firstCheckpointAfterAnEvent(List<String> lines) {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).contains("\"kind\":\"checkpoint\"") && lines.get(i - 1).contains("\"kind\":\"event\"")) {
                return i;
            }
        }
        throw new AssertionError("no checkpoint line after an event");
    }

    private static int indexOf(List<String> lines, String type) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"kind\":\"event\"") && lines.get(i).contains(type) && i > 2) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " line");
    }

    /** What someone with write access to the database but without the signing key can do: recompute every link. */
    private void recomputeTheChainAsAnAttackerWould() {
        HashChain chain = new HashChain();
        jdbc.query("select d.* from audit_chain_link l join domainevententry d on d.globalindex = l.position "
                + "where l.cooperative_id = ? order by l.chain_index", rs -> {
            byte[] hash = new StoredEvent(rs.getLong("globalindex"), rs.getString("eventidentifier"), rs.getString("type"),
                    rs.getString("aggregateidentifier"), rs.getLong("sequencenumber"), rs.getString("payloadtype"),
                    rs.getString("payloadrevision"), rs.getString("timestamp"), rs.getBytes("metadata"), rs.getBytes("payload")).hash();
            byte[] link = chain.append(hash);
            jdbc.update("update audit_chain_link set event_hash = ?, link = ? where position = ?", hash, link, rs.getLong("globalindex"));
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
