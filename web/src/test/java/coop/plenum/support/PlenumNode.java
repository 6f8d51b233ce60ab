package coop.plenum.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Plenum running in a child JVM, as a user runs it, on a given data directory. Lets a test kill it the way a
 * crash would (SIGKILL, also to its PostgreSQL) and start it again on the same data.
 */
public final class PlenumNode implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final long startedAt = System.nanoTime();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Duration timeToReady;

    private PlenumNode(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** Starts Plenum and returns once readiness says UP. Extra arguments are Spring Boot's ({@code --name=value}). */
    public static PlenumNode start(Path dataDir, String adminPassword, Path log, String... extraArguments) {
        PlenumNode node = launch(dataDir, adminPassword, log, extraArguments);
        node.awaitReady(Duration.ofSeconds(180));
        return node;
    }

    /** Starts Plenum without waiting for anything. */
    public static PlenumNode launch(Path dataDir, String adminPassword, Path log, String... extraArguments) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"),
                "coop.plenum.PlenumApplication",
                "--server.port=" + port,
                "--plenum.data-dir=" + dataDir,
                "--plenum.admin-password=" + adminPassword));
        command.addAll(List.of(extraArguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new PlenumNode(process, port, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code /actuator/health/readiness} (every 20 ms, so the first UP is seen at once) until it says UP. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Plenum exited with " + process.exitValue() + " before it was ready");
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                        .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().startsWith("{\"status\":\"UP\"")) {
                    timeToReady = Duration.ofNanos(System.nanoTime() - startedAt);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(20);
        }
        throw new IllegalStateException("Plenum was not ready within " + timeout);
    }

    /** From the launch of the JVM to the first readiness UP seen. */
    public Duration timeToReady() {
        return timeToReady;
    }

    /**
     * What a service manager does to stop it: SIGTERM to the JVM only, then waits for it to exit.
     * Returns the exit code.
     */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            killHard();
            throw new IllegalStateException("Plenum did not exit within " + timeout + " of SIGTERM");
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The embedded PostgreSQL server and its backends. pg_ctl detaches the postmaster (its parent is init, not the
     * JVM), so it is found through the pid file in its data directory rather than among the JVM's children.
     */
    public List<ProcessHandle> postgres() {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!java.nio.file.Files.exists(pidFile)) {
                return List.of();
            }
            List<String> lines = java.nio.file.Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return List.of();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                    .map(postmaster -> {
                        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
                        all.add(0, postmaster);
                        return List.copyOf(all);
                    })
                    .orElse(List.of());
        } catch (IOException | NumberFormatException unreadable) {
            return List.of();
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpResponse<String> post(String path, String user, String password, String json) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", basic(user, password)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> put(String path, String user, String password, String json) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", basic(user, password)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", basic(user, password)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** What a power cut does to the application: SIGKILL to the JVM and to the PostgreSQL it started. */
    public void killHard() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.addAll(postgres());
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.onExit().join();
        tree.forEach(p -> p.onExit().join());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    killHard();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                killHard();
            }
        }
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
