import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ballots over HTTP: one proposal, N members, C concurrent clients, each member casting one ballot as themselves.
 * Runs Plenum twice from the built jar, on the PostgreSQL event log and on Axon's in-memory engine (the ceiling),
 * and prints ballots/s, p50 and p99 for both and their ratio. A single-file Java program: see benchmarks/README.md.
 */
public class BallotBenchmark {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String ADMIN = "bench-admin-pass";

    record Result(String store, int ballots, double seconds, double perSecond, double p50ms, double p99ms, String tallyCheck) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>(Map.of("--jar", "web/target/plenum.jar", "--members", "10000", "--clients", "16"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        int members = Integer.parseInt(opts.get("--members"));
        int clients = Integer.parseInt(opts.get("--clients"));
        List<Result> results = new ArrayList<>();
        for (String store : List.of("jdbc", "in-memory")) {
            results.add(run(opts.get("--jar"), store, members, clients));
        }
        System.out.printf("%n%-10s %8s %9s %11s %9s %9s  %s%n", "store", "ballots", "seconds", "ballots/s", "p50 ms", "p99 ms", "tally");
        for (Result r : results) {
            System.out.printf("%-10s %8d %9.1f %11.1f %9.1f %9.1f  %s%n", r.store(), r.ballots(), r.seconds(), r.perSecond(),
                    r.p50ms(), r.p99ms(), r.tallyCheck());
        }
        System.out.printf("PostgreSQL log / in-memory ceiling: %.2f%n", results.get(0).perSecond() / results.get(1).perSecond());
    }

    static Result run(String jar, String store, int members, int clients) throws Exception {
        Path data = Files.createTempDirectory("plenum-bench-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process plenum = new ProcessBuilder("java", "-Xmx2g", "-jar", jar, "--server.port=" + port, "--plenum.data-dir=" + data,
                "--plenum.admin-password=" + ADMIN, "--plenum.security.bcrypt-strength=4", "--plenum.event-store=" + store,
                "--plenum.api.max-body-size=8MB", "--spring.codec.max-in-memory-size=16MB", "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(data.resolve("plenum.log").toFile()).start();
        String base = "http://127.0.0.1:" + port;
        try {
            awaitHealthy(base);
            System.out.printf("[%s] creating %d accounts with %d clients…%n", store, members, clients);
            String[] accountIds = new String[members];
            parallel(members, clients, i -> {
                String body = send("POST", base + "/api/v1/accounts", "admin", ADMIN,
                        "{\"username\":\"voter" + i + "\",\"password\":\"pw-m" + i + "-pass\",\"displayName\":\"Member " + i + "\"}", 201);
                accountIds[i] = field(body, "accountId");
            });
            StringBuilder founders = new StringBuilder();
            for (int i = 0; i < members; i++) {
                founders.append(i == 0 ? "" : ",").append("{\"accountId\":\"").append(accountIds[i]).append("\",\"classId\":\"members\"}");
            }
            System.out.printf("[%s] founding the cooperative with %d founders…%n", store, members);
            String coop = field(send("POST", base + "/api/v1/cooperatives", "admin", ADMIN, "{\"name\":\"Benchmark\",\"charter\":{\"classes\":"
                    + "[{\"id\":\"members\",\"name\":\"Members\",\"weight\":100,\"quorum\":10}]},\"founders\":[" + founders
                    + "],\"secretaryAccountId\":\"" + accountIds[0] + "\"}", 201), "cooperativeId");
            Map<String, String> memberOfAccount = awaitDirectory(base, coop, members);
            String proposal = field(send("POST", base + "/api/v1/cooperatives/" + coop + "/proposals", "voter0", "pw-m0-pass",
                    "{\"title\":\"Benchmark vote\",\"body\":\"\",\"topic\":\"general\",\"kind\":\"GENERAL\"}", 201), "proposalId");
            send("POST", base + "/api/v1/cooperatives/" + coop + "/proposals/" + proposal + "/opening", "voter0", "pw-m0-pass", null, 204);

            System.out.printf("[%s] casting %d ballots with %d clients…%n", store, members, clients);
            long[] latencies = new long[members];
            Random random = new Random(42);
            String[] choices = new String[members];
            for (int i = 0; i < members; i++) {
                choices[i] = List.of("YES", "NO", "ABSTAIN").get(random.nextInt(3));
            }
            long start = System.nanoTime();
            parallel(members, clients, i -> {
                long t0 = System.nanoTime();
                // 200 with the ballot's receipt (position and event hash), read from the stored row in the same request
                String receipt = send("PUT", base + "/api/v1/cooperatives/" + coop + "/proposals/" + proposal + "/ballots/" + memberOfAccount.get(accountIds[i]),
                        "voter" + i, "pw-m" + i + "-pass", "{\"choice\":\"" + choices[i] + "\"}", 200);
                // on the in-memory engine there is no stored row to hash: its receipt says NO_AUDIT_LOG
                if (store.equals("jdbc") ? !receipt.matches("(?s).*\"eventHash\":\"[0-9a-f]{64}\".*") : !receipt.contains("NO_AUDIT_LOG")) {
                    throw new IllegalStateException("a ballot answered without its receipt: " + receipt);
                }
                latencies[i] = System.nanoTime() - t0;
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latencies);
            String tally = send("GET", base + "/api/v1/cooperatives/" + coop + "/proposals/" + proposal + "/tally", "voter0", "pw-m0-pass", null, 200);
            long expectedYes = Arrays.stream(choices).filter("YES"::equals).count();
            String check = field(tally, "yes").equals(expectedYes + ".000000") ? "yes=" + expectedYes + " as cast" : "MISMATCH " + tally;
            return new Result(store, members, seconds, members / seconds, latencies[members / 2] / 1e6,
                    latencies[(int) Math.floor(members * 0.99) - 1] / 1e6, check);
        } finally {
            plenum.destroy();
            plenum.waitFor();
        }
    }

    static Map<String, String> awaitDirectory(String base, String coop, int members) throws Exception {
        for (int attempt = 0; attempt < 600; attempt++) {
            String list = send("GET", base + "/api/v1/cooperatives/" + coop + "/members", "voter0", "pw-m0-pass", null, 200);
            Map<String, String> byAccount = new HashMap<>();
            Matcher m = Pattern.compile("\"memberId\":\"([^\"]+)\",\"accountId\":\"([^\"]+)\"").matcher(list);
            while (m.find()) {
                byAccount.put(m.group(2), m.group(1));
            }
            if (byAccount.size() == members) {
                return byAccount;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the member directory never showed every founder");
    }

    interface Step {
        void run(int i) throws Exception;
    }

    static void parallel(int count, int threads, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    step.run(i);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    static String send(String method, String url, String user, String password, String json, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " → " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static void awaitHealthy(String base) throws Exception {
        for (int i = 0; i < 300; i++) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString())
                        .body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Plenum did not start");
    }

}
