package coop.plenum.durability;

import coop.plenum.support.PlenumNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Storage and running": an acknowledged command is never lost. Clients create accounts as fast as Plenum
 * acknowledges them; the JVM and its PostgreSQL are killed with SIGKILL mid-stream; after a restart on the same
 * data directory every acknowledged account can sign in (its event is in the log) and the read model has caught
 * up to it as soon as readiness says UP.
 */
class KillNineLosesNothingAcknowledgedTest {

    private static final String ADMIN_PASSWORD = "kill-nine-admin";
    /** The lowest bcrypt cost: more acknowledged accounts before the kill, so more for the read models to redo after it. */
    private static final String FAST_HASHING = "--plenum.security.bcrypt-strength=4";

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedCommandSurvivesSigkillOfTheJvmAndItsDatabase() throws Exception {
        Path log = dataDir.resolve("plenum.log");
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger attempted = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);

        PlenumNode node = PlenumNode.start(dataDir.resolve("data"), ADMIN_PASSWORD, log, FAST_HASHING);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            int client = c;
            clients.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String username = "user-" + client + "-" + i;
                    attempted.incrementAndGet();
                    try {
                        HttpResponse<String> created = node.post("/api/v1/accounts", "admin", ADMIN_PASSWORD,
                                "{\"username\":\"" + username + "\",\"password\":\"" + username + "-pw\",\"displayName\":\"" + username + "\"}");
                        if (created.statusCode() == 201) {
                            acknowledged.add(username);
                        }
                    } catch (Exception connectionLostInTheCrash) {
                        return;
                    }
                }
            });
        }
        long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        while (System.nanoTime() < until || acknowledged.size() < 10) {
            Thread.sleep(50);
        }
        node.killHard();
        running.set(false);
        clients.shutdownNow();

        List<String> mustSurvive = List.copyOf(acknowledged);
        assertThat(mustSurvive).hasSizeGreaterThanOrEqualTo(10);
        System.out.printf("kill -9 test: %d commands attempted, %d acknowledged before SIGKILL%n", attempted.get(), mustSurvive.size());

        try (PlenumNode restarted = PlenumNode.start(dataDir.resolve("data"), ADMIN_PASSWORD, log, FAST_HASHING)) {
            // no retries: once readiness says UP, a reader must see everything acknowledged before the crash
            for (String username : mustSurvive) {
                HttpResponse<String> me = restarted.get("/api/v1/accounts/me", username, username + "-pw");
                assertThat(me.statusCode()).as("account %s was acknowledged before the crash", username).isEqualTo(200);
                assertThat(me.body()).as("read model has %s as soon as readiness is UP", username).contains("\"createdAt\":\"");
            }
            System.out.printf("kill -9 test: ready %d ms after the restart began%n", restarted.timeToReady().toMillis());
        }
    }
}
