package coop.plenum.audit;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.governance.audit.offline.AuditCommand;
import coop.plenum.support.PlenumContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, "Export and offline replay": {@code audit what-if} re-tallies a closed vote from an export with no
 * server and gives what {@code POST …/what-if} gives; {@code audit receipt EXPORT RECEIPT} finds a ballot's receipt
 * in the export it came from, and catches a receipt the export does not hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfflineAuditCommandsTest {

    private static final String ADMIN = "offline-admin";
    private ConfigurableApplicationContext app;
    private WebTestClient http;
    private String coop;
    private String proposal;
    private Path dir;
    private Path export;
    private Path key;

    /** Makers (weight 60) alice YES, bob NO; users (weight 40) carol YES, dan delegates to carol. */
    @BeforeAll
    void aClosedVoteWithADelegationExported() throws Exception {
        app = PlenumContexts.start(Files.createTempDirectory("plenum-offline-"), ADMIN);
        http = PlenumContexts.client(app);
        Map<String, String> accounts = new java.util.LinkedHashMap<>();
        for (String name : List.of("alice", "bob", "carol", "dan", "olga")) {
            accounts.put(name, account(name));
        }
        coop = asAdmin(http.post().uri("/api/v1/cooperatives")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Offline Orchard\",\"charter\":{\"classes\":["
                        + "{\"id\":\"makers\",\"name\":\"Makers\",\"weight\":60,\"quorum\":0},"
                        + "{\"id\":\"users\",\"name\":\"Users\",\"weight\":40,\"quorum\":0}]},"
                        + "\"founders\":[" + founder(accounts, "alice", "makers") + "," + founder(accounts, "bob", "makers") + ","
                        + founder(accounts, "carol", "users") + "," + founder(accounts, "dan", "users") + "],"
                        + "\"secretaryAccountId\":\"" + accounts.get("alice") + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("cooperativeId").asText();
        as("alice", http.put().uri("/api/v1/cooperatives/{c}/roles/{a}", coop, accounts.get("olga")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"roles\":[\"AUDITOR\"]}").exchange().expectStatus().isNoContent();
        Map<String, String> members = new java.util.HashMap<>();
        as("alice", http.get().uri("/api/v1/cooperatives/{c}/members", coop)).exchange().expectBody(JsonNode.class).returnResult()
                .getResponseBody().forEach(m -> accounts.forEach((name, id) -> {
                    if (id.equals(m.path("accountId").asText())) {
                        members.put(name, m.path("memberId").asText());
                    }
                }));
        as("dan", http.put().uri("/api/v1/cooperatives/{c}/members/{m}/delegations/_global", coop, members.get("dan")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"delegateId\":\"" + members.get("carol") + "\"}")
                .exchange().expectStatus().isNoContent();
        proposal = as("alice", http.post().uri("/api/v1/cooperatives/{c}/proposals", coop)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Plant pears\",\"body\":\"Twelve trees\",\"topic\":\"general\",\"kind\":\"GENERAL\","
                        + "\"visibility\":\"AFTER_CLOSE\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        as("alice", http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, proposal)).exchange().expectStatus().isNoContent();
        for (String[] ballot : new String[][] {{"alice", "YES"}, {"bob", "NO"}, {"carol", "YES"}}) {
            as(ballot[0], http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, members.get(ballot[0])))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"" + ballot[1] + "\"}")
                    .exchange().expectStatus().is2xxSuccessful();
        }
        as("alice", http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", coop, proposal)).exchange().expectStatus().isNoContent();
        as("alice", http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/outcome-statement", coop, proposal))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"statement\":\"Pears in March.\"}")
                .exchange().expectStatus().isNoContent();
        awaitEverythingSigned();
        dir = Files.createTempDirectory("plenum-offline-files-");
        export = dir.resolve("export.ndjson");
        Files.write(export, as("olga", http.get().uri("/api/v1/cooperatives/{c}/audit/events", coop)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        key = dir.resolve("key.json");
        Files.writeString(key, as("olga", http.get().uri("/api/v1/audit/public-key")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void theOfflineWhatIfGivesWhatTheServersWhatIfGives() {
        List<String[]> hypotheses = List.of(
                new String[] {"{}"},
                new String[] {"{\"delegation\":false}", "--delegation", "off"},
                new String[] {"{\"threshold\":\"TWO_THIRDS\"}", "--threshold", "TWO_THIRDS"},
                new String[] {"{\"classRule\":\"EVERY_CLASS\"}", "--class-rule", "EVERY_CLASS"},
                new String[] {"{\"classes\":{\"makers\":{\"weight\":20},\"users\":{\"weight\":80,\"quorum\":90}}}",
                        "--weight", "makers=20", "--weight", "users=80", "--quorum", "users=90"});
        List<String> outcomes = new ArrayList<>();
        for (String[] hypothesis : hypotheses) {
            JsonNode server = as("olga", http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/what-if", coop, proposal))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(hypothesis[0]).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            List<String> args = new ArrayList<>(List.of("audit", "what-if", export.toString(), proposal, "--public-key", key.toString()));
            args.addAll(List.of(hypothesis).subList(1, hypothesis.length));
            Run run = run(args);
            assertThat(run.code).as(run.out + run.err).isZero();
            assertThat(run.out).contains("HYPOTHETICAL")
                    .containsPattern("under these rules +" + server.at("/tally/outcome").asText() + ", approval "
                            + java.util.regex.Pattern.quote(server.at("/tally/approval").isNull() ? "-" : server.at("/tally/approval").asText()));
            for (JsonNode c : server.at("/tally/classes")) {
                assertThat(run.out).as(hypothesis[0]).contains("class " + c.path("classId").asText())
                        .contains("approval " + (c.path("approval").isNull() ? "-" : c.path("approval").asText()));
            }
            outcomes.add(server.at("/tally/outcome").asText() + " " + server.at("/tally/approval").asText() + " users yes "
                    + server.at("/tally/classes/1/yes").asText());
        }
        assertThat(outcomes).as("each hypothesis as the rules give it").containsExactly(
                "ACCEPTED 0.700000 users yes 2.000000",   // as held: dan's power follows carol's YES
                "ACCEPTED 0.700000 users yes 1.000000",   // without delegation dan did not vote
                "ACCEPTED 0.700000 users yes 2.000000",   // 7/10 is at least two thirds
                "REJECTED 0.500000 users yes 2.000000",   // makers split 1:1, not more than half
                "ACCEPTED 0.900000 users yes 2.000000");  // 0.2 × 1/2 + 0.8 × 1
    }

    @Test
    void theOfflineWhatIfRefusesBadRulesAndUnknownProposalsWithUsageErrors() {
        assertThat(run(List.of("audit", "what-if", export.toString(), proposal, "--weight", "makers=20")).code)
                .as("weights no longer sum to 100").isEqualTo(2);
        assertThat(run(List.of("audit", "what-if", export.toString(), proposal, "--weight", "ghosts=0")).err).contains("ghosts");
        assertThat(run(List.of("audit", "what-if", export.toString(), proposal, "--threshold", "MOST")).err).contains("--threshold is one of");
        assertThat(run(List.of("audit", "what-if", export.toString(), proposal, "--max-chain-length", "1001")).code).isEqualTo(2);
        assertThat(run(List.of("audit", "what-if", export.toString(), proposal, "--thresold", "TWO_THIRDS")).err).contains("unknown option --thresold");
        assertThat(run(List.of("audit", "what-if", export.toString(), "no-such-proposal")).err).contains("no vote of proposal 'no-such-proposal'");
    }

    @Test
    void anExportWithAnAfterCloseVoteAndAnOutcomeStatementVerifiesOffline() throws Exception {
        assertThat(Files.readAllLines(export)).anyMatch(l -> l.contains("OutcomeStatementRecorded") && l.contains("Pears in March."))
                .anyMatch(l -> l.contains("VotingOpened") && l.contains("AFTER_CLOSE"));
        Run run = run(List.of("audit", "verify", export.toString(), "--public-key", key.toString()));
        assertThat(run.code).as(run.out + run.err).isEqualTo(0);
        assertThat(run.out).contains("OK");
    }

    @Test
    void theOfflineWhatIfWillNotReTallyAnExportThatDoesNotHold() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        int ballot = lines.stream().filter(l -> l.contains("BallotCast")).findFirst().map(lines::indexOf).orElseThrow();
        lines.set(ballot, lines.get(ballot).replace("YES", "NO"));
        Path altered = dir.resolve("altered.ndjson");
        Files.write(altered, lines);
        Run run = run(List.of("audit", "what-if", altered.toString(), proposal, "--public-key", key.toString()));
        assertThat(run.code).isEqualTo(1);
        assertThat(run.out).contains("FAILED: line " + (ballot + 1)).contains("no re-tally").doesNotContain("HYPOTHETICAL");
    }

    @Test
    void aReceiptIsFoundInTheExportAtItsPlaceWithItsHash() throws Exception {
        long position = firstBallotPosition();
        Path receipt = dir.resolve("receipt.json");
        Files.writeString(receipt, as("alice", http.get().uri("/api/v1/cooperatives/{c}/audit/receipts/{p}", coop, position))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        Run run = run(List.of("audit", "receipt", export.toString(), receipt.toString(), "--public-key", key.toString()));
        assertThat(run.code).as(run.out + run.err).isZero();
        assertThat(run.out).contains("in the export").contains("same hash").contains("OK: the event is in the signed history");

        Run withoutKey = run(List.of("audit", "receipt", export.toString(), receipt.toString()));
        assertThat(withoutKey.code).isZero();
        assertThat(withoutKey.out).contains("the export's own key");
        assertThat(run(List.of("audit", "receipt", receipt.toString())).code).as("a receipt alone needs a key").isEqualTo(2);
    }

    @Test
    void aReceiptTheExportDoesNotHoldFailsNamingWhy() throws Exception {
        long position = firstBallotPosition();
        String receiptJson = as("alice", http.get().uri("/api/v1/cooperatives/{c}/audit/receipts/{p}", coop, position))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        // the export handed to the auditor lacks every event from the ballot on: the receipt shows it is short
        List<String> lines = Files.readAllLines(export);
        List<String> cut = lines.stream().takeWhile(l -> !l.contains("\"position\":" + position + ",")).collect(Collectors.toList());
        Path shortExport = dir.resolve("short.ndjson");
        Files.write(shortExport, cut);
        Path receipt = dir.resolve("receipt-2.json");
        Files.writeString(receipt, receiptJson);
        Run run = run(List.of("audit", "receipt", shortExport.toString(), receipt.toString(), "--public-key", key.toString()));
        assertThat(run.code).isEqualTo(1);
        assertThat(run.out).contains("FAILED: the export does not hold");
    }

    private long firstBallotPosition() {
        return app.getBean(JdbcTemplate.class).queryForObject("select min(l.position) from audit_chain_link l join domainevententry d "
                + "on d.globalindex = l.position where l.cooperative_id = ? and d.payloadtype like '%BallotCast'", Long.class, coop);
    }

    private void awaitEverythingSigned() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = as("olga", http.get().uri("/api/v1/cooperatives/{c}/audit/verification", coop)).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            if (last.path("ok").asBoolean() && last.path("eventsPending").asLong() == 0
                    && last.at("/lastCheckpoint/length").asLong() == last.path("eventsChecked").asLong()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not everything was signed in 30 s: " + last);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AuditCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String founder(Map<String, String> accounts, String name, String classId) {
        return "{\"accountId\":\"" + accounts.get(name) + "\",\"classId\":\"" + classId + "\"}";
    }

    private String account(String username) {
        return asAdmin(http.post().uri("/api/v1/accounts")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + username + "\",\"password\":\"" + username + "-password\",\"displayName\":\"" + username + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("accountId").asText();
    }

    private static <T extends WebTestClient.RequestHeadersSpec<?>> T as(String user, T spec) {
        spec.headers(h -> h.setBasicAuth(user, user + "-password"));
        return spec;
    }

    private static <T extends WebTestClient.RequestHeadersSpec<?>> T asAdmin(T spec) {
        spec.headers(h -> h.setBasicAuth("admin", ADMIN));
        return spec;
    }
}
