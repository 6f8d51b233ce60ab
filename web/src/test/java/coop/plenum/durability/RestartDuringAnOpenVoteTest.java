package coop.plenum.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.governance.audit.Receipt;
import coop.plenum.governance.audit.ReceiptJson;
import coop.plenum.support.PlenumNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue "Decisions": a vote scheduled to close while Plenum is down closes promptly after the restart, and no
 * acknowledged ballot is lost, even when the JVM and its PostgreSQL were killed with SIGKILL; the receipt the ballot
 * was answered with still checks against the signed history afterwards (issue 11).
 */
class RestartDuringAnOpenVoteTest {

    /** A ceiling for conditions that come true in seconds; generous because a loaded machine can be very slow. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);


    private static final String ADMIN = "restart-vote-admin";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aVoteThatShouldHaveClosedWhileDownClosesPromptlyWithEveryAcknowledgedBallot() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("plenum.log");
        String coop;
        String proposal;
        Instant closesAt;
        PlenumNode node = PlenumNode.start(data, ADMIN, log);
        node.post("/api/v1/accounts", "admin", ADMIN, "{\"username\":\"vera\",\"password\":\"vera-password\",\"displayName\":\"Vera\"}");
        String vera = json(node.get("/api/v1/accounts/me", "vera", "vera-password")).get("accountId").asText();
        coop = json(node.post("/api/v1/cooperatives", "admin", ADMIN, "{\"name\":\"Timed\",\"charter\":{\"classes\":"
                + "[{\"id\":\"all\",\"name\":\"All\",\"weight\":100,\"quorum\":50}],\"topics\":[\"general\"]},"
                + "\"founders\":[{\"accountId\":\"" + vera + "\",\"classId\":\"all\"}],\"secretaryAccountId\":\"" + vera + "\"}"))
                .get("cooperativeId").asText();
        String member = json(node.get("/api/v1/cooperatives/" + coop + "/members", "vera", "vera-password")).get(0).get("memberId").asText();
        Instant opensAt = Instant.now().plusSeconds(3); // nanoseconds on purpose: Plenum keeps milliseconds
        closesAt = opensAt.plusSeconds(12);
        proposal = json(node.post("/api/v1/cooperatives/" + coop + "/proposals", "vera", "vera-password",
                "{\"title\":\"Timed vote\",\"body\":\"\",\"topic\":\"general\",\"kind\":\"GENERAL\",\"votingOpensAt\":\"" + opensAt
                        + "\",\"votingClosesAt\":\"" + closesAt + "\"}")).get("proposalId").asText();
        String path = "/api/v1/cooperatives/" + coop + "/proposals/" + proposal;
        awaitState(node, path, "VOTING", PATIENCE);

        HttpResponse<String> ballot = node.put(path + "/ballots/" + member, "vera", "vera-password", "{\"choice\":\"YES\"}");
        assertThat(ballot.statusCode()).as("ballot acknowledged with a receipt").isEqualTo(200);
        JsonNode receipt = json(ballot);
        node.killHard();

        while (Instant.now().isBefore(closesAt.plusSeconds(1))) {
            Thread.sleep(200);
        }
        try (PlenumNode restarted = PlenumNode.start(data, ADMIN, log)) {
            Instant back = Instant.now();
            awaitState(restarted, path, "CLOSED", PATIENCE);
            System.out.printf("restart-during-vote: closed %d ms after the restarted node was healthy%n",
                    Duration.between(back, Instant.now()).toMillis());
            JsonNode tally = json(restarted.get(path + "/tally", "vera", "vera-password"));
            assertThat(tally.get("outcome").asText()).isEqualTo("ACCEPTED");
            assertThat(tally.at("/classes/0/yes").asText()).as("the acknowledged ballot counted").isEqualTo("1.000000");
            JsonNode detail = json(restarted.get(path, "vera", "vera-password"));
            assertThat(Instant.parse(detail.get("closedAt").asText())).as("closed as of its scheduled instant").isEqualTo(closesAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

            // the receipt handed out before the crash still proves the ballot is in the signed history
            JsonNode proof = awaitProof(restarted, receipt.at("/proof/url").asText());
            Receipt checked = ReceiptJson.read(proof);
            assertThat(HexFormat.of().formatHex(checked.eventHash())).isEqualTo(receipt.path("eventHash").asText());
            assertThat(checked.position()).isEqualTo(receipt.path("position").asLong());
            byte[] key = HexFormat.of().parseHex(json(restarted.get("/api/v1/audit/public-key", "vera", "vera-password"))
                    .path("publicKeyHex").asText());
            assertThat(checked.check(key)).as("the receipt checks against the node's public key").isNull();
        }
    }

    private static void awaitState(PlenumNode node, String path, String state, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String current = "";
        while (System.nanoTime() < deadline) {
            current = json(node.get(path, "vera", "vera-password")).path("state").asText();
            if (state.equals(current)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("proposal still " + current + ", expected " + state);
    }

    private static JsonNode awaitProof(PlenumNode node, String url) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = node.get(url, "vera", "vera-password");
            if (answer.statusCode() == 200) {
                return json(answer);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no proof for the receipt at " + url);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
