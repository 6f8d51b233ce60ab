package coop.plenum.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.governance.audit.offline.AuditCommand;
import coop.plenum.support.BootedPlenum;
import coop.plenum.web.demo.DemoCooperative;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, "Done when": the demo cooperative's export, downloaded by its auditor, verifies offline; a one-byte edit
 * of one event's line fails, naming that line and that event.
 */
class DemoExportVerifiesOfflineTest extends BootedPlenum {

    // the same password as DemoCooperativeTest: whichever of the two seeds the shared store first, both can sign in
    private static final String PASSWORD = "demo-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    DemoCooperative demo;

    private Path dir;
    private Path key;
    private List<String> lines;

    @BeforeEach
    void theDemosAuditorDownloadsItsExportAndThePublicKey() throws Exception {
        demo.seed(PASSWORD);
        JsonNode mine = get("/api/v1/cooperatives");
        assertThat(mine).as("the auditor holds a role in the demo cooperative").hasSize(1);
        assertThat(mine.get(0).get("name").asText()).isEqualTo(DemoCooperative.COOPERATIVE_NAME);
        String coop = mine.get(0).get("cooperativeId").asText();
        byte[] export = http.get().uri("/api/v1/cooperatives/{c}/audit/events", coop)
                .headers(h -> h.setBasicAuth(DemoCooperative.AUDITOR, PASSWORD)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent();
        lines = new ArrayList<>(List.of(new String(export, StandardCharsets.UTF_8).split("\n")));
        dir = Files.createTempDirectory("plenum-demo-export-");
        key = dir.resolve("key.json");
        Files.writeString(key, get("/api/v1/audit/public-key").toString());
    }

    private JsonNode get(String uri, Object... vars) {
        return http.get().uri(uri, vars).headers(h -> h.setBasicAuth(DemoCooperative.AUDITOR, PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private record Run(int exit, String out) {
    }

    private Run verify(List<String> export) throws Exception {
        Path file = Files.createTempFile(dir, "export-", ".ndjson");
        Files.writeString(file, String.join("\n", export) + "\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = AuditCommand.run(List.of("audit", "verify", file.toString(), "--public-key", key.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDemoCooperativesExportVerifiesOfflineAndReTalliesEachOfItsFiveDecidedVotes() throws Exception {
        Run run = verify(lines);
        assertThat(run.exit()).as(run.out()).isZero();
        // the yes/no vote, the consent decision, the board election (Meek per class), the budget (Equal Shares) and
        // the secret vote (from its revealed ballots)
        assertThat(run.out()).contains("OK: the history holds").containsPattern("decisions re-tallied\\s+5")
                .containsPattern("matching\\s+5").containsPattern("differing\\s+0");
    }

    @Test
    void aOneByteEditOfOneBallotsLineFailsNamingThatEvent() throws Exception {
        int target = -1;
        for (int i = 0; i < lines.size() && target < 0; i++) {
            JsonNode line = JSON.readTree(lines.get(i));
            if (line.path("type").asText().endsWith(".BallotCast") && line.path("payload").asText().contains("\"NO\"")) {
                target = i;
            }
        }
        assertThat(target).as("a NO ballot is in the export").isPositive();
        JsonNode event = JSON.readTree(lines.get(target));
        List<String> edited = new ArrayList<>(lines);
        // one byte: a NO becomes NA
        edited.set(target, lines.get(target).replaceFirst("NO\\\\\"", "NA\\\\\""));
        assertThat(edited.get(target)).hasSameSizeAs(lines.get(target)).isNotEqualTo(lines.get(target));

        Run run = verify(edited);
        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("line " + (target + 1) + ": event coop.plenum.governance.proposal.BallotCast #"
                        + event.path("sequenceNumber").asText() + " of " + event.path("aggregateIdentifier").asText()
                        + " at position " + event.path("position").asText())
                .contains("was altered");
    }
}
