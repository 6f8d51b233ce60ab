package coop.plenum.durability;

import coop.plenum.support.PlenumNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: stopping Plenum with SIGTERM printed ~230 lines of stack traces, because the embedded PostgreSQL stopped
 * (on its own shutdown hook) while the event processors and the scheduler were still using it. A service manager's
 * SIGTERM, here in the middle of writes, must stop it cleanly: exit code 0, its PostgreSQL gone, and nothing in its
 * output after the signal but a quiet goodbye.
 */
class StoppingWithSigtermIsQuietTest {

    private static final String ADMIN_PASSWORD = "sigterm-admin";
    private static final java.util.regex.Pattern STACK_TRACE_HEADER =
            java.util.regex.Pattern.compile("(Exception in thread |[a-z][\\w$]*(\\.[\\w$]+)+(Exception|Error)\\b)");

    @TempDir
    Path dataDir;

    @Test
    void sigtermStopsTheProcessorsBeforeTheStoresAndPrintsNoErrorOrStackTrace() throws Exception {
        Path log = dataDir.resolve("plenum.log");
        try (PlenumNode node = PlenumNode.start(dataDir.resolve("data"), ADMIN_PASSWORD, log, "--plenum.security.bcrypt-strength=4")) {
            List<ProcessHandle> postgres = node.postgres();
            assertThat(postgres).as("the embedded PostgreSQL runs").isNotEmpty();

            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger acknowledged = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(2);
            for (int c = 0; c < 2; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int i = 0; writing.get(); i++) {
                        try {
                            HttpResponse<String> created = node.post("/api/v1/accounts", "admin", ADMIN_PASSWORD,
                                    "{\"username\":\"quiet-" + client + "-" + i + "\",\"password\":\"quiet-password\",\"displayName\":\"Q\"}");
                            if (created.statusCode() == 201) {
                                acknowledged.incrementAndGet();
                            }
                        } catch (Exception stopped) {
                            return;
                        }
                    }
                });
            }
            while (acknowledged.get() < 20) {
                Thread.sleep(20);
            }
            long outputBeforeTheSignal = Files.size(log);

            int exitCode = node.terminate(Duration.ofSeconds(90));
            writing.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            String afterTheSignal = Files.readString(log).substring((int) outputBeforeTheSignal);
            List<String> noisy = new ArrayList<>();
            for (String line : afterTheSignal.split("\n")) {
                // an INFO line may name an exception it handled (a request interrupted by the stop, answered 503);
                // a stack trace shows as its frames, its "Caused by:" lines, or an exception's name opening a line
                if (line.contains(" ERROR ") || line.contains(" WARN ") || line.startsWith("\tat ") || line.startsWith("Caused by:")
                        || STACK_TRACE_HEADER.matcher(line).lookingAt()) {
                    noisy.add(line);
                }
            }
            System.out.printf("SIGTERM after %d acknowledged writes: exit %d, %d lines printed after the signal, %d noisy%n",
                    acknowledged.get(), exitCode, afterTheSignal.split("\n").length, noisy.size());
            assertThat(noisy).as("no error, warning or stack trace after SIGTERM:%n%s", afterTheSignal).isEmpty();
            assertThat(exitCode).isZero();
            for (ProcessHandle server : postgres) {
                assertThat(server.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("PostgreSQL stopped with Plenum").isFalse();
            }
        }
    }
}
