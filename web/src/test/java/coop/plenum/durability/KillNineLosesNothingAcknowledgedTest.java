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
 * up to it.
 */
class KillNineLosesNothingAcknowledgedTest {

    private static final String ADMIN_PASSWORD = "kill-nine-admin";

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedCommandSurvivesSigkillOfTheJvmAndItsDatabase() throws Exception {
        Path log = dataDir.resolve("plenum.log");
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger attempted = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);

        PlenumNode node = PlenumNode.start(dataDir.resolve("data"), ADMIN_PASSWORD, log);
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

        try (PlenumNode restarted = PlenumNode.start(dataDir.resolve("data"), ADMIN_PASSWORD, log)) {
            for (String username : mustSurvive) {
                HttpResponse<String> me = awaitReadModel(restarted, username);
                assertThat(me.statusCode()).as("account %s was acknowledged before the crash", username).isEqualTo(200);
                assertThat(me.body()).as("read model caught up for %s", username).contains("\"createdAt\":\"");
            }
        }
    }

    /** The login is in the log's own transaction; the read model may need a moment to catch up after restart. */
    private static HttpResponse<String> awaitReadModel(PlenumNode node, String username) throws Exception {
        HttpResponse<String> me = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            me = node.get("/api/v1/accounts/me", username, username + "-pw");
            if (me.statusCode() != 200 || me.body().contains("\"createdAt\":\"")) {
                return me;
            }
            Thread.sleep(100);
        }
        return me;
    }
}
