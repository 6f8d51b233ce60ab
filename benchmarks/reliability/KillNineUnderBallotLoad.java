import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kill -9 under ballot load: C clients cast and recast ballots over HTTP on one open proposal; at a random moment the
 * JVM and its PostgreSQL get SIGKILL; Plenum is started again on the same data; as soon as readiness says UP, every
 * member's last acknowledged ballot must be in the log (PostgreSQL) and in the read models (the proposal's ballots
 * and its tally), with no retry. Repeated R times in one run; prints counts per run. See benchmarks/README.md.
 */
public class KillNineUnderBallotLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String ADMIN = "kill-nine-admin-pass";
    static final List<String> CHOICES = List.of("YES", "NO", "ABSTAIN");

    /** What a member's ballot may be after the crash: the last acknowledged value, or the one in flight when it hit. */
    record Expected(String acknowledged, String inFlight) {
    }

    record RunResult(int run, double loadSeconds, int acknowledged, int members, int found, int lost, int readModelMismatches,
                     long readyMillis, String tally) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>(Map.of("--jar", "web/target/plenum.jar", "--members", "160", "--clients", "16",
                "--runs", "5", "--min-seconds", "2", "--max-seconds", "10"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        Path jar = Path.of(opts.get("--jar")).toAbsolutePath();
        int members = Integer.parseInt(opts.get("--members"));
        int clients = Integer.parseInt(opts.get("--clients"));
        int runs = Integer.parseInt(opts.get("--runs"));
        double minSeconds = Double.parseDouble(opts.get("--min-seconds"));
        double maxSeconds = Double.parseDouble(opts.get("--max-seconds"));
        Driver postgresDriver = postgresDriverFrom(jar);
        Path data = Files.createTempDirectory("plenum-kill-nine-");
        Random random = new Random();

        Node node = Node.start(jar, data);
        String base = node.base();
        System.out.printf("setting up %d members, one open proposal (data in %s)…%n", members, data);
        String[] accountIds = new String[members];
        parallel(members, clients, i -> accountIds[i] = field(send("POST", base + "/api/v1/accounts", "admin", ADMIN,
                "{\"username\":\"voter" + i + "\",\"password\":\"" + password(i) + "\",\"displayName\":\"Voter " + i + "\"}", 201), "accountId"));
        StringBuilder founders = new StringBuilder();
        for (int i = 0; i < members; i++) {
            founders.append(i == 0 ? "" : ",").append("{\"accountId\":\"").append(accountIds[i]).append("\",\"classId\":\"members\"}");
        }
        String coop = field(send("POST", base + "/api/v1/cooperatives", "admin", ADMIN, "{\"name\":\"Kill nine\",\"charter\":{\"classes\":"
                + "[{\"id\":\"members\",\"name\":\"Members\",\"weight\":100,\"quorum\":10}]},\"founders\":[" + founders
                + "],\"secretaryAccountId\":\"" + accountIds[0] + "\"}", 201), "cooperativeId");
        Map<String, String> memberOfAccount = directory(base, coop);
        String proposal = field(send("POST", base + "/api/v1/cooperatives/" + coop + "/proposals", "voter0", password(0),
                "{\"title\":\"Crash-proof vote\",\"body\":\"\",\"topic\":\"general\",\"kind\":\"GENERAL\"}", 201), "proposalId");
        send("POST", base + "/api/v1/cooperatives/" + coop + "/proposals/" + proposal + "/opening", "voter0", password(0), null, 204);
        String[] memberIds = new String[members];
        for (int i = 0; i < members; i++) {
            memberIds[i] = memberOfAccount.get(accountIds[i]);
        }
        String proposalPath = "/api/v1/cooperatives/" + coop + "/proposals/" + proposal;

        Map<String, Expected> expected = new ConcurrentHashMap<>();
        List<RunResult> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicInteger acknowledged = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            String url = node.base() + proposalPath + "/ballots/";
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    Random mine = new Random();
                    // each member belongs to one client, so its ballots are sent one after another and "last" is well defined
                    List<Integer> own = new ArrayList<>();
                    for (int i = client; i < members; i += clients) {
                        own.add(i);
                    }
                    while (loading.get() && !own.isEmpty()) {
                        int i = own.get(mine.nextInt(own.size()));
                        String member = memberIds[i];
                        String choice = CHOICES.get(mine.nextInt(CHOICES.size()));
                        Expected before = expected.get(member);
                        expected.put(member, new Expected(before == null ? null : before.acknowledged(), choice));
                        try {
                            HttpResponse<String> answer = put(url + member, "voter" + i, password(i), "{\"choice\":\"" + choice + "\"}");
                            if (answer.statusCode() == 200) { // acknowledged: the ballot and its receipt
                                expected.put(member, new Expected(choice, null));
                                acknowledged.incrementAndGet();
                            } else {
                                expected.put(member, new Expected(before == null ? null : before.acknowledged(), null));
                                System.out.printf("  refused: %d %s%n", answer.statusCode(), answer.body());
                            }
                        } catch (Exception crashed) {
                            return; // the in-flight value stays possible: it may have been committed before the kill
                        }
                    }
                });
            }
            double loadSeconds = minSeconds + random.nextDouble() * (maxSeconds - minSeconds);
            Thread.sleep((long) (loadSeconds * 1000));
            node.killHard();
            loading.set(false);
            pool.shutdownNow();
            pool.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);

            node = Node.start(jar, data);
            long readyMillis = node.readyMillis();
            // as soon as readiness said UP, with no retry: the log, the ballots of the proposal and its tally
            Map<String, String> inLog = lastBallotsInTheLog(postgresDriver, data, proposal);
            String detail = send("GET", node.base() + proposalPath, "voter0", password(0), null, 200);
            String tally = send("GET", node.base() + proposalPath + "/tally", "voter0", password(0), null, 200);
            Map<String, String> inReadModel = ballotsOf(detail);
            int found = 0;
            int lost = 0;
            int mismatches = 0;
            Map<String, Integer> counted = new HashMap<>();
            for (String value : inLog.values()) {
                counted.merge(value, 1, Integer::sum);
            }
            for (Map.Entry<String, Expected> e : expected.entrySet()) {
                Expected want = e.getValue();
                if (want.acknowledged() == null && want.inFlight() == null) {
                    continue;
                }
                String logged = inLog.get(e.getKey());
                boolean ok = logged != null && (logged.equals(want.acknowledged()) || logged.equals(want.inFlight()))
                        || logged == null && want.acknowledged() == null;
                if (ok) {
                    found++;
                } else {
                    lost++;
                    System.out.printf("  LOST member %s: acknowledged %s, in flight %s, log has %s%n", e.getKey(), want.acknowledged(), want.inFlight(), logged);
                }
                if (logged != null && !logged.equals(inReadModel.get(e.getKey()))) {
                    mismatches++;
                    System.out.printf("  READ MODEL BEHIND for %s: log %s, read model %s%n", e.getKey(), logged, inReadModel.get(e.getKey()));
                }
                // what the log holds is now the acknowledged state the next run builds on
                expected.put(e.getKey(), new Expected(logged, null));
            }
            String tallyCheck = tallyMatches(tally, counted) ? "tally = log (" + counted + ")" : "TALLY MISMATCH " + tally + " vs " + counted;
            if (!tallyMatches(tally, counted)) {
                mismatches++;
            }
            RunResult result = new RunResult(run, loadSeconds, acknowledged.get(), expected.size(), found, lost, mismatches, readyMillis, tallyCheck);
            results.add(result);
            System.out.printf("run %d: load %.1f s, %d ballots acknowledged, %d members checked, %d found, %d lost, "
                            + "%d read-model mismatches, ready %d ms after restart; %s%n", run, loadSeconds, result.acknowledged(),
                    result.members(), found, lost, mismatches, readyMillis, tallyCheck);
        }
        node.stop();

        System.out.printf("%n%-4s %8s %13s %8s %6s %5s %11s %9s%n", "run", "load s", "acknowledged", "members", "found", "lost", "rm mismatch", "ready ms");
        int totalAcknowledged = 0;
        int totalLost = 0;
        int totalMismatches = 0;
        for (RunResult r : results) {
            System.out.printf("%-4d %8.1f %13d %8d %6d %5d %11d %9d%n", r.run(), r.loadSeconds(), r.acknowledged(), r.members(),
                    r.found(), r.lost(), r.readModelMismatches(), r.readyMillis());
            totalAcknowledged += r.acknowledged();
            totalLost += r.lost();
            totalMismatches += r.readModelMismatches();
        }
        System.out.printf("%d kill -9 runs, %d ballots acknowledged, %d lost, %d read-model mismatches at readiness UP%n",
                results.size(), totalAcknowledged, totalLost, totalMismatches);
        if (totalLost > 0 || totalMismatches > 0) {
            System.exit(1);
        }
    }

    static String password(int i) {
        return "pw-v" + i + "-pass";
    }

    /** The last BallotCast of each member for this proposal, in log order, straight from PostgreSQL (retractions: none are sent). */
    static Map<String, String> lastBallotsInTheLog(Driver driver, Path data, String proposal) throws Exception {
        List<String> pid = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"));
        String url = "jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/postgres";
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        Map<String, String> last = new HashMap<>();
        Pattern member = Pattern.compile("\"memberId\"\\s*:\\s*\"([^\"]+)\"");
        Pattern choice = Pattern.compile("\"choice\"\\s*:\\s*\"([A-Z]+)\"");
        try (Connection db = driver.connect(url, credentials); Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("select payload from domainevententry where aggregateidentifier = '" + proposal
                     + "' and payloadtype like '%.BallotCast' order by sequencenumber")) {
            while (rows.next()) {
                String payload = new String(rows.getBytes(1), StandardCharsets.UTF_8);
                Matcher m = member.matcher(payload);
                Matcher c = choice.matcher(payload);
                if (m.find() && c.find()) {
                    last.put(m.group(1), c.group(1));
                }
            }
        }
        return last;
    }

    static Map<String, String> ballotsOf(String detail) {
        Map<String, String> ballots = new HashMap<>();
        int at = detail.indexOf("\"ballots\":{");
        if (at < 0) {
            return ballots;
        }
        String section = detail.substring(at + 11, detail.indexOf('}', at));
        Matcher m = Pattern.compile("\"([^\"]+)\":\"([A-Z]+)\"").matcher(section);
        while (m.find()) {
            ballots.put(m.group(1), m.group(2));
        }
        return ballots;
    }

    static boolean tallyMatches(String tally, Map<String, Integer> counted) {
        for (String choice : CHOICES) {
            Matcher m = Pattern.compile("\"" + choice.toLowerCase() + "\":\"([0-9.]+)\"").matcher(tally);
            if (!m.find() || new java.math.BigDecimal(m.group(1)).compareTo(java.math.BigDecimal.valueOf(counted.getOrDefault(choice, 0))) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The PostgreSQL JDBC driver, taken from the Plenum jar itself so this runner needs no class path. */
    static Driver postgresDriverFrom(Path jar) throws Exception {
        try (JarFile plenum = new JarFile(jar.toFile())) {
            JarEntry entry = plenum.stream().filter(e -> e.getName().matches("BOOT-INF/lib/postgresql-[0-9.]+\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL driver in " + jar));
            Path copy = Files.createTempFile("postgresql-", ".jar");
            try (InputStream in = plenum.getInputStream(entry)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            URLClassLoader loader = new URLClassLoader(new URL[]{copy.toUri().toURL()}, KillNineUnderBallotLoad.class.getClassLoader());
            return (Driver) Class.forName("org.postgresql.Driver", true, loader).getDeclaredConstructor().newInstance();
        }
    }

    static Map<String, String> directory(String base, String coop) throws Exception {
        String list = send("GET", base + "/api/v1/cooperatives/" + coop + "/members", "voter0", password(0), null, 200);
        Map<String, String> byAccount = new HashMap<>();
        Matcher m = Pattern.compile("\"memberId\":\"([^\"]+)\",\"accountId\":\"([^\"]+)\"").matcher(list);
        while (m.find()) {
            byAccount.put(m.group(2), m.group(1));
        }
        return byAccount;
    }

    /** One Plenum JVM from the jar, on the shared data directory. */
    record Node(Process process, String base, long readyMillis, Path data) {

        static Node start(Path jar, Path data) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            long launched = System.nanoTime();
            Process process = new ProcessBuilder("java", "-Xmx1g", "-jar", jar.toString(), "--server.port=" + port,
                    "--plenum.data-dir=" + data, "--plenum.admin-password=" + ADMIN, "--plenum.security.bcrypt-strength=4",
                    "--plenum.api.max-body-size=8MB", "--spring.codec.max-in-memory-size=16MB")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("plenum.log").toFile())).start();
            String base = "http://127.0.0.1:" + port;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Plenum exited with " + process.exitValue() + "; see " + data.resolve("plenum.log"));
                }
                try {
                    HttpResponse<String> readiness = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                    if (readiness.statusCode() == 200 && readiness.body().startsWith("{\"status\":\"UP\"")) {
                        return new Node(process, base, Duration.ofNanos(System.nanoTime() - launched).toMillis(), data);
                    }
                } catch (IOException notListeningYet) {
                    // starting
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("Plenum was not ready within 5 minutes");
        }

        /**
         * SIGKILL to the JVM and to the PostgreSQL it started, as a power cut would. pg_ctl detaches the postmaster
         * from the JVM, so it is found through its pid file.
         */
        void killHard() throws IOException {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            List<String> pid = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"));
            ProcessHandle.of(Long.parseLong(pid.get(0).strip())).ifPresent(postmaster -> {
                tree.addAll(postmaster.descendants().toList());
                tree.add(postmaster);
            });
            process.destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
            process.onExit().join();
            tree.forEach(p -> p.onExit().join());
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
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

    static HttpResponse<String> put(String url, String user, String password, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", basic(user, password)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String send(String method, String url, String user, String password, String json, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", basic(user, password));
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

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
