package coop.plenum.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.support.PlenumNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: webhook deliveries across a kill -9 and a restart of Plenum in a child JVM. The outbox and its
 * processor's position live in the same MongoDB store, so whatever the crash lost is handled again, and the outbox's
 * key (event + webhook) keeps that from queuing anything twice: each admission reaches the receiver under exactly
 * one delivery id, before and after the restart.
 */
class WebhooksAcrossARestartTest {

    private static final String ADMIN = "restart-hooks-admin";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final String[] SETTINGS = {"--plenum.webhooks.allow-loopback=true",
            "--plenum.webhooks.first-retry=300ms", "--plenum.webhooks.poll-interval=200ms"};

    @TempDir
    Path dir;

    @Test
    void aKilledAndRestartedNodeNeitherSkipsNorQueuesADeliveryTwice() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("plenum.log");
        try (LoopbackReceiver receiver = new LoopbackReceiver()) {
            String coop;
            String webhook;
            PlenumNode node = PlenumNode.start(data, ADMIN, log, SETTINGS);
            try {
                node.post("/api/v1/accounts", "admin", ADMIN, "{\"username\":\"vera\",\"password\":\"vera-password\",\"displayName\":\"Vera\"}");
                String vera = json(node.get("/api/v1/accounts/me", "vera", "vera-password")).get("accountId").asText();
                coop = json(node.post("/api/v1/cooperatives", "admin", ADMIN, "{\"name\":\"Hooked\",\"charter\":{\"classes\":"
                        + "[{\"id\":\"all\",\"name\":\"All\",\"weight\":100,\"quorum\":50}],\"topics\":[\"general\"]},"
                        + "\"founders\":[{\"accountId\":\"" + vera + "\",\"classId\":\"all\"}],\"secretaryAccountId\":\"" + vera + "\"}"))
                        .get("cooperativeId").asText();
                webhook = json(node.post("/api/v1/cooperatives/" + coop + "/webhooks", "vera", "vera-password",
                        "{\"url\":\"" + receiver.url("/restart") + "\",\"events\":[\"member.admitted\"]}")).get("webhookId").asText();
                admit(node, coop, "wren");
                eventually(() -> distinctDeliveries(receiver) == 1);
            } finally {
                node.killHard();
            }
            try (PlenumNode restarted = PlenumNode.start(data, ADMIN, log, SETTINGS)) {
                admit(restarted, coop, "yara");
                eventually(() -> distinctDeliveries(receiver) == 2);
                Thread.sleep(3000);
                assertThat(distinctDeliveries(receiver)).as("one delivery per admission, none queued again").isEqualTo(2);
                JsonNode deliveries = json(restarted.get("/api/v1/cooperatives/" + coop + "/webhooks/" + webhook + "/deliveries",
                        "vera", "vera-password"));
                assertThat(deliveries).hasSize(2);
                eventually(() -> {
                    try {
                        JsonNode now = json(restarted.get("/api/v1/cooperatives/" + coop + "/webhooks/" + webhook + "/deliveries",
                                "vera", "vera-password"));
                        return now.get(0).get("status").asText().equals("DELIVERED") && now.get(1).get("status").asText().equals("DELIVERED");
                    } catch (Exception e) {
                        return false;
                    }
                });
            }
        }
    }

    private static long distinctDeliveries(LoopbackReceiver receiver) {
        return receiver.at("/restart").stream().map(r -> r.header("X-Plenum-Delivery")).distinct().count();
    }

    private static void admit(PlenumNode node, String coop, String username) throws Exception {
        node.post("/api/v1/accounts", "admin", ADMIN, "{\"username\":\"" + username + "\",\"password\":\"" + username
                + "-password\",\"displayName\":\"" + username + "\"}");
        String member = json(node.post("/api/v1/cooperatives/" + coop + "/applications", username, username + "-password",
                "{\"classId\":\"all\"}")).get("memberId").asText();
        HttpResponse<String> admitted = node.post("/api/v1/cooperatives/" + coop + "/members/" + member + "/admission",
                "vera", "vera-password", "");
        assertThat(admitted.statusCode()).isEqualTo(204);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + PATIENCE);
            }
            Thread.sleep(200);
        }
    }
}
