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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Ballots over HTTP: one cooperative of N members, C concurrent clients, each member casting one ballot as themselves.
 * For each store (the PostgreSQL event log, and Axon's in-memory engine as the ceiling) one server is started from the
 * built jar, and in that same server, so the ratios compare like with like:
 * <ul>
 *   <li>the baseline: every member calls {@code GET /api/v1/accounts/me} (authenticated, one small read, no command)
 *       once with HTTP Basic and once with a personal access token;</li>
 *   <li>ballots with HTTP Basic on one proposal, then with personal access tokens (Bearer) on a second one, each
 *       with the JVM's and PostgreSQL's CPU per ballot and a check of the final tally;</li>
 *   <li>the latency of a recast on a proposal holding N prior ballots against one holding 10 (one client, alternating).</li>
 * </ul>
 * With {@code --stores two-nodes}: the stores as {@code plenum stores} runs them and two nodes on them, the clients'
 * requests alternating between the nodes (JVM CPU: both nodes and the stores' JVM).
 * Before anything is timed, untimed warm-up rounds (each: every member's no-op and a Bearer ballot on a third
 * proposal) run until the JIT's compiler threads take under 5 % of the JVM's CPU in a round, at most
 * {@code --warm-up} rounds (16; 0: none, as runs before 2026-12-03 20:00 were made, when the compiler threads took ~26 %
 * of a Bearer ballot's JVM CPU and the same jar's rates varied twofold between runs).
 * With {@code --threads true}: for each ballot and no-op phase, the JVM CPU per request by thread group (thread names with
 * their numbers dropped), read from {@code jcmd <pid> Thread.print} before and after the phase. A sampling profiler
 * weighs threads by how often they are seen running Java code; these are the threads' own CPU clocks. A thread that
 * ended during the phase is counted only in "(ended threads)", the JVM's total minus the live threads' sum.
 * A single-file Java program: see benchmarks/README.md.
 */
public class BallotBenchmark {

    /** bcrypt's cost for the accounts (--bcrypt, default 4; Plenum's default is 10). */
    static String BCRYPT = "4";

    /**
     * --wait-for FILE: set everything up, then wait until FILE exists before the first timed phase of each store, so
     * the slow set-up may share a busy machine while the timed phases run on a quiet one. Empty: no wait.
     */
    static String WAIT_FOR = "";
    static boolean THREADS = false;
    static boolean WARM_UP = true;
    static int WARM_UP_ROUNDS = 16;
    /**
     * --node-java-options "…": extra JVM options for the Plenum nodes only (passed as JDK_JAVA_OPTIONS), e.g. a flight
     * recording from the start, so the warm-up compiles with it and starting one later does not deoptimise the timed
     * phases. Empty: none.
     */
    static String NODE_JAVA_OPTIONS = "";

    static void waitForGo(String store) throws InterruptedException {
        if (WAIT_FOR.isEmpty()) {
            return;
        }
        System.out.printf("[%s] set up; timing starts once %s exists…%n", store, WAIT_FOR);
        while (!Files.exists(Path.of(WAIT_FOR))) {
            Thread.sleep(500);
        }
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String ADMIN = "bench-admin-pass";
    /** The ballot PUT answers 204, or 200 with a receipt: both acknowledge a stored ballot. */
    static final Set<Integer> BALLOT_OK = Set.of(200, 204);
    static final long TICKS_PER_SECOND = 100; // USER_HZ of /proc/<pid>/stat on Linux

    record Phase(String name, int requests, double seconds, double perSecond, double p50ms, double p99ms, double jvmCpuMs,
                 double pgCpuMs, String check) {
    }

    record Auth(String header) {
        static Auth basic(String user, String password) {
            return new Auth("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        static Auth bearer(String token) {
            return new Auth("Bearer " + token);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>(Map.of("--jar", "web/target/plenum.jar", "--members", "10000", "--clients", "16",
                "--stores", "jdbc,in-memory", "--recasts", "200", "--bcrypt", "4", "--wait-for", "", "--threads", "false",
                "--warm-up", "16", "--node-java-options", ""));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        BCRYPT = opts.get("--bcrypt");
        WAIT_FOR = opts.get("--wait-for");
        THREADS = Boolean.parseBoolean(opts.get("--threads"));
        WARM_UP_ROUNDS = Integer.parseInt(opts.get("--warm-up"));
        WARM_UP = WARM_UP_ROUNDS > 0;
        NODE_JAVA_OPTIONS = opts.get("--node-java-options");
        int members = Integer.parseInt(opts.get("--members"));
        int clients = Integer.parseInt(opts.get("--clients"));
        Map<String, List<Phase>> results = new LinkedHashMap<>();
        for (String store : opts.get("--stores").split(",")) {
            try {
                results.put(store, run(opts.get("--jar"), store, members, clients, Integer.parseInt(opts.get("--recasts"))));
            } catch (Exception failed) {
                // one store failing must not throw away the figures the others already measured in this run
                System.out.printf("[%s] FAILED: %s%n", store, failed);
                failed.printStackTrace(System.out);
            }
        }
        System.out.printf("%n%d members, %d clients, bcrypt cost %s, load average at the end %s%n", members, clients, BCRYPT,
                Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf("%-10s %-22s %8s %8s %10s %8s %8s %9s %9s  %s%n", "store", "phase", "requests", "seconds", "per s",
                "p50 ms", "p99 ms", "JVM ms/op", "PG ms/op", "check");
        results.forEach((store, phases) -> phases.forEach(p -> System.out.printf("%-10s %-22s %8d %8.1f %10.1f %8.1f %8.1f %9.2f %9.2f  %s%n",
                store, p.name(), p.requests(), p.seconds(), p.perSecond(), p.p50ms(), p.p99ms(), p.jvmCpuMs(), p.pgCpuMs(), p.check())));
        results.forEach((store, phases) -> {
            Map<String, Phase> byName = new HashMap<>();
            phases.forEach(p -> byName.put(p.name(), p));
            for (String auth : List.of("basic", "bearer")) {
                Phase ballots = byName.get("ballots " + auth);
                Phase noop = byName.get("no-op " + auth);
                if (ballots != null && noop != null) {
                    System.out.printf("[%s] ballots/s ÷ no-op/s with %s: %.2f%n", store, auth, ballots.perSecond() / noop.perSecond());
                }
            }
            Phase many = byName.get("recast, N prior");
            Phase few = byName.get("recast, 10 prior");
            if (many != null && few != null) {
                System.out.printf("[%s] recast latency, N prior ÷ 10 prior: p50 %.2f, p99 %.2f%n", store, many.p50ms() / few.p50ms(),
                        many.p99ms() / few.p99ms());
            }
        });
        if (results.containsKey("jdbc") && results.containsKey("two-nodes")) {
            for (String auth : List.of("basic", "bearer")) {
                Phase one = results.get("jdbc").stream().filter(p -> p.name().equals("ballots " + auth)).findFirst().orElse(null);
                Phase two = results.get("two-nodes").stream().filter(p -> p.name().equals("ballots " + auth)).findFirst().orElse(null);
                if (one != null && two != null) {
                    System.out.printf("two nodes ÷ one node, ballots with %s: %.2f%n", auth, two.perSecond() / one.perSecond());
                }
            }
        }
        if (results.containsKey("jdbc") && results.containsKey("in-memory")) {
            for (String auth : List.of("basic", "bearer")) {
                Phase durable = results.get("jdbc").stream().filter(p -> p.name().equals("ballots " + auth)).findFirst().orElse(null);
                Phase ceiling = results.get("in-memory").stream().filter(p -> p.name().equals("ballots " + auth)).findFirst().orElse(null);
                if (durable != null && ceiling != null) {
                    System.out.printf("PostgreSQL log ÷ in-memory ceiling, ballots with %s: %.2f%n", auth, durable.perSecond() / ceiling.perSecond());
                }
            }
        }
    }

    static List<Phase> run(String jar, String store, int members, int clients, int recasts) throws Exception {
        Path data = Files.createTempDirectory("plenum-bench-");
        // "two-nodes": the stores as `plenum stores` runs them, and two Plenum nodes on them; clients alternate nodes
        boolean twoNodes = store.equals("two-nodes");
        List<Process> jvms = new ArrayList<>();
        Map<String, String> shared = twoNodes ? startStores(jar, data, jvms) : Map.of();
        String[] bases = new String[twoNodes ? 2 : 1];
        for (int n = 0; n < bases.length; n++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            ProcessBuilder node = new ProcessBuilder("java", "-Xmx2g", "-jar", jar, "--server.port=" + port,
                    "--plenum.data-dir=" + data.resolve("node-" + n), "--plenum.admin-password=" + ADMIN,
                    "--plenum.security.bcrypt-strength=" + BCRYPT, "--plenum.event-store=" + (twoNodes ? "jdbc" : store),
                    "--plenum.api.max-body-size=8MB", "--spring.codec.max-in-memory-size=16MB", "--logging.level.root=WARN")
                    .redirectErrorStream(true).redirectOutput(data.resolve("plenum-" + n + ".log").toFile());
            node.environment().putAll(shared);
            if (!NODE_JAVA_OPTIONS.isBlank()) {
                node.environment().put("JDK_JAVA_OPTIONS", NODE_JAVA_OPTIONS);
            }
            jvms.add(node.start());
            bases[n] = "http://127.0.0.1:" + port;
        }
        String base = bases[0];
        Auth admin = Auth.basic("admin", ADMIN);
        List<Phase> phases = new ArrayList<>();
        try {
            for (String node : bases) {
                awaitHealthy(node);
            }
            System.out.printf("[%s] creating %d accounts with %d clients…%n", store, members, clients);
            String[] accountIds = new String[members];
            Auth[] basic = new Auth[members];
            Auth[] bearer = new Auth[members];
            parallel(members, clients, i -> {
                String body = send("POST", base + "/api/v1/accounts", admin,
                        "{\"username\":\"voter" + i + "\",\"password\":\"pw-m" + i + "-pass\",\"displayName\":\"Member " + i + "\"}", Set.of(201));
                accountIds[i] = field(body, "accountId");
                basic[i] = Auth.basic("voter" + i, "pw-m" + i + "-pass");
            });
            System.out.printf("[%s] issuing %d personal access tokens…%n", store, members);
            parallel(members, clients, i -> bearer[i] = Auth.bearer(field(send("POST", base + "/api/v1/accounts/me/tokens", basic[i],
                    "{\"name\":\"benchmark\",\"scope\":\"read-write\"}", Set.of(201)), "token")));
            // a founding names at most 1,000 founders; the others apply and the secretary admits them
            int founding = Math.min(members, 1000);
            StringBuilder founders = new StringBuilder();
            for (int i = 0; i < founding; i++) {
                founders.append(i == 0 ? "" : ",").append("{\"accountId\":\"").append(accountIds[i]).append("\",\"classId\":\"members\"}");
            }
            System.out.printf("[%s] founding the cooperative with %d founders…%n", store, founding);
            String coop = field(send("POST", base + "/api/v1/cooperatives", admin, "{\"name\":\"Benchmark\",\"charter\":{\"classes\":"
                    + "[{\"id\":\"members\",\"name\":\"Members\",\"weight\":100,\"quorum\":10}]},\"founders\":[" + founders
                    + "],\"secretaryAccountId\":\"" + accountIds[0] + "\"}", Set.of(201)), "cooperativeId");
            String[] memberIds = new String[members];
            if (members > founding) {
                System.out.printf("[%s] %d applications, each admitted by the secretary…%n", store, members - founding);
                parallel(members - founding, clients, k -> {
                    int i = founding + k;
                    memberIds[i] = field(send("POST", base + "/api/v1/cooperatives/" + coop + "/applications", basic[i],
                            "{\"classId\":\"members\"}", Set.of(201)), "memberId");
                    send("POST", base + "/api/v1/cooperatives/" + coop + "/members/" + memberIds[i] + "/admission", basic[0], null, Set.of(204));
                });
            }
            Map<String, String> memberOfAccount = awaitDirectory(base, coop, members, basic[0]);
            for (int i = 0; i < members; i++) {
                memberIds[i] = memberOfAccount.get(accountIds[i]);
            }
            String proposals = base + "/api/v1/cooperatives/" + coop + "/proposals/";
            String[] proposalsAt = Arrays.stream(bases).map(b -> b + "/api/v1/cooperatives/" + coop + "/proposals/").toArray(String[]::new);
            String basicVote = openProposal(base, coop, "Basic vote", basic[0]);
            String bearerVote = openProposal(base, coop, "Bearer vote", basic[0]);
            String smallVote = openProposal(base, coop, "Ten ballots", basic[0]);
            String warmUpVote = WARM_UP ? openProposal(base, coop, "Warm-up vote", basic[0]) : null;
            Random random = new Random(42);
            String[] choices = new String[members];
            for (int i = 0; i < members; i++) {
                choices[i] = List.of("YES", "NO", "ABSTAIN").get(random.nextInt(3));
            }
            CpuClock cpu = new CpuClock(jvms, data);

            waitForGo(store);
            String logKind = twoNodes ? "jdbc" : store;
            if (warmUpVote != null) {
                warmUp(store, members, clients, cpu, i -> send("GET", bases[i % bases.length] + "/api/v1/accounts/me", i % 2 == 0 ? basic[i] : bearer[i], null, Set.of(200)),
                        (round, i) -> receipted(logKind, send("PUT", proposalsAt[i % bases.length] + warmUpVote + "/ballots/"
                                + memberIds[i], bearer[i], "{\"choice\":\"" + (round % 2 == 0 ? "YES" : "NO") + "\"}", BALLOT_OK)));
            }
            System.out.printf("[%s] no-op baseline, %d requests with Basic and with Bearer (after as many untimed)…%n", store, members);
            parallel(members, clients, i -> send("GET", bases[i % bases.length] + "/api/v1/accounts/me", i % 2 == 0 ? basic[i] : bearer[i], null, Set.of(200)));
            phases.add(measure("no-op basic", members, clients, cpu, i -> send("GET", bases[i % bases.length] + "/api/v1/accounts/me", basic[i], null, Set.of(200)), () -> "-"));
            phases.add(measure("no-op bearer", members, clients, cpu, i -> send("GET", bases[i % bases.length] + "/api/v1/accounts/me", bearer[i], null, Set.of(200)), () -> "-"));

            System.out.printf("[%s] casting %d ballots with Basic, then %d with Bearer…%n", store, members, members);
            phases.add(measure("ballots basic", members, clients, cpu, i -> receipted(logKind, send("PUT", proposalsAt[i % bases.length] + basicVote + "/ballots/"
                    + memberIds[i], basic[i], "{\"choice\":\"" + choices[i] + "\"}", BALLOT_OK)),
                    () -> tallyCheck(proposalsAt, basicVote, basic[0], choices, members)));
            phases.add(measure("ballots bearer", members, clients, cpu, i -> receipted(logKind, send("PUT", proposalsAt[i % bases.length] + bearerVote + "/ballots/"
                    + memberIds[i], bearer[i], "{\"choice\":\"" + choices[i] + "\"}", BALLOT_OK)),
                    () -> tallyCheck(proposalsAt, bearerVote, basic[0], choices, members)));

            int small = Math.min(10, members);
            for (int i = 0; i < small; i++) {
                send("PUT", proposals + smallVote + "/ballots/" + memberIds[i], bearer[i], "{\"choice\":\"" + choices[i] + "\"}", BALLOT_OK);
            }
            System.out.printf("[%s] %d recasts, one client, alternating a proposal with %d prior ballots and one with %d…%n", store, 2 * recasts,
                    members, small);
            long[] many = new long[recasts];
            long[] few = new long[recasts];
            for (int r = 0; r < recasts; r++) {
                String choice = r % 2 == 0 ? "YES" : "NO";
                many[r] = timed(ignored -> send("PUT", proposals + basicVote + "/ballots/" + memberIds[0], bearer[0], "{\"choice\":\"" + choice + "\"}", BALLOT_OK));
                few[r] = timed(ignored -> send("PUT", proposals + smallVote + "/ballots/" + memberIds[0], bearer[0], "{\"choice\":\"" + choice + "\"}", BALLOT_OK));
            }
            phases.add(latencyOnly("recast, N prior", many));
            phases.add(latencyOnly("recast, 10 prior", few));
            return phases;
        } finally {
            // the nodes first, then the stores they use
            for (int n = jvms.size() - 1; n >= 0; n--) {
                jvms.get(n).destroy();
                jvms.get(n).waitFor();
            }
        }
    }

    /**
     * Starts {@code java -jar plenum.jar stores} and returns the settings it prints for the nodes; its JVM (which runs
     * the read models' MongoDB-wire server) joins {@code jvms}, so its CPU counts as the single node's would.
     */
    static Map<String, String> startStores(String jar, Path data, List<Process> jvms) throws Exception {
        Process stores = new ProcessBuilder("java", "-Xmx2g", "-jar", jar, "stores", "--data-dir", data.resolve("stores").toString())
                .redirectErrorStream(true).start();
        jvms.add(stores);
        Map<String, String> settings = new LinkedHashMap<>();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(stores.getInputStream(), StandardCharsets.UTF_8));
        java.io.PrintWriter log = new java.io.PrintWriter(Files.newBufferedWriter(data.resolve("stores.log")), true);
        for (String line = out.readLine(); line != null && settings.size() < 3; line = out.readLine()) {
            log.println(line);
            Matcher setting = Pattern.compile("^\\s+(PLENUM_POSTGRES_URL|PLENUM_POSTGRES_USER|MONGODB_URI)=(.+)$").matcher(line);
            if (setting.matches()) {
                settings.put(setting.group(1), setting.group(2));
            }
        }
        if (settings.size() < 3) {
            throw new IllegalStateException("plenum stores did not start: see " + data.resolve("stores.log"));
        }
        Thread drain = new Thread(() -> {
            try {
                out.lines().forEach(log::println);
            } catch (java.io.UncheckedIOException stopped) {
                // the stores were stopped at the end of the run
            }
        }, "stores-log");
        drain.setDaemon(true);
        drain.start();
        return settings;
    }

    /**
     * A ballot answered with a body carries its receipt: the stored row's event hash on the log, NO_AUDIT_LOG on the
     * in-memory engine (an empty body is the older 204 answer).
     */
    static void receipted(String store, String answer) {
        if (!answer.isEmpty() && (store.equals("jdbc") ? !answer.matches("(?s).*\"eventHash\":\"[0-9a-f]{64}\".*")
                : !answer.contains("NO_AUDIT_LOG"))) {
            throw new IllegalStateException("a ballot answered without its receipt: " + answer);
        }
    }

    static String openProposal(String base, String coop, String title, Auth secretary) throws Exception {
        String proposal = field(send("POST", base + "/api/v1/cooperatives/" + coop + "/proposals", secretary,
                "{\"title\":\"" + title + "\",\"body\":\"\",\"topic\":\"general\",\"kind\":\"GENERAL\"}", Set.of(201)), "proposalId");
        send("POST", base + "/api/v1/cooperatives/" + coop + "/proposals/" + proposal + "/opening", secretary, null, Set.of(204));
        return proposal;
    }

    /** The tally as every node answers it, against the ballots cast. */
    static String tallyCheck(String[] proposalsAt, String proposal, Auth reader, String[] choices, int members) throws Exception {
        long yes = Arrays.stream(choices, 0, members).filter("YES"::equals).count();
        long no = Arrays.stream(choices, 0, members).filter("NO"::equals).count();
        for (String proposals : proposalsAt) {
            String tally = send("GET", proposals + proposal + "/tally", reader, null, Set.of(200));
            if (!field(tally, "yes").equals(yes + ".000000") || !field(tally, "no").equals(no + ".000000")) {
                return "MISMATCH " + tally;
            }
        }
        return "tally yes=" + yes + " no=" + no + " as cast" + (proposalsAt.length > 1 ? " on both nodes" : "");
    }

    interface Check {
        String run() throws Exception;
    }

    static Phase measure(String name, int count, int clients, CpuClock cpu, Step step, Check check) throws Exception {
        long[] latencies = new long[count];
        Map<String, Double> threadsBefore = THREADS && (name.startsWith("ballots") || name.startsWith("no-op")) ? cpu.byThreadGroup() : null;
        double[] cpuBefore = cpu.read();
        long start = System.nanoTime();
        parallel(count, clients, i -> {
            long t0 = System.nanoTime();
            step.run(i);
            latencies[i] = System.nanoTime() - t0;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] cpuAfter = cpu.read();
        if (threadsBefore != null) {
            printThreadGroups(name, count, cpuAfter[0] - cpuBefore[0], threadsBefore, cpu.byThreadGroup());
        }
        Arrays.sort(latencies);
        return new Phase(name, count, seconds, count / seconds, latencies[count / 2] / 1e6, percentile99(latencies) / 1e6,
                (cpuAfter[0] - cpuBefore[0]) / count, (cpuAfter[1] - cpuBefore[1]) / count, check.run());
    }

    interface RoundStep {
        void run(int round, int i) throws Exception;
    }

    /**
     * Untimed rounds of the no-op and of Bearer ballots (each member recasting on the warm-up vote) until the JIT's
     * compiler threads take under 5 % of the JVM's CPU in a round, or WARM_UP_ROUNDS rounds. On 2 cores the JVM runs
     * one C2 compiler thread, which stays busy for minutes with Spring's, Reactor's, Axon's and the drivers' hot code:
     * measured without this, it took a quarter of a Bearer ballot's JVM CPU and made the rates of one jar vary twofold
     * from run to run.
     */
    static void warmUp(String store, int members, int clients, CpuClock cpu, Step noop, RoundStep ballot) throws Exception {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            Map<String, Double> before = cpu.byThreadGroup();
            double jvmBefore = cpu.read()[0];
            long start = System.nanoTime();
            parallel(members, clients, noop);
            int r = round;
            parallel(members, clients, i -> ballot.run(r, i));
            double seconds = (System.nanoTime() - start) / 1e9;
            double jvm = cpu.read()[0] - jvmBefore;
            Map<String, Double> after = cpu.byThreadGroup();
            double compiler = after.entrySet().stream().filter(e -> e.getKey().contains("CompilerThread"))
                    .mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0)).sum();
            System.out.printf("[%s] warm-up round %d: %d no-op requests and %d ballots in %.1f s, JIT compilers %.1f %% of the JVM's CPU%n",
                    store, round + 1, members, members, seconds, 100 * compiler / jvm);
            if (compiler < 0.05 * jvm) {
                return;
            }
        }
    }

    static void printThreadGroups(String phase, int count, double jvmMs, Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> spent = new HashMap<>();
        after.forEach((group, ms) -> spent.put(group, ms - before.getOrDefault(group, 0.0)));
        double live = spent.values().stream().mapToDouble(Double::doubleValue).sum();
        spent.put("(ended threads)", Math.max(0, jvmMs - live));
        System.out.printf("[%s] JVM CPU per request by thread group (%.2f ms in all):%n", phase, jvmMs / count);
        spent.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> e.getValue() / count >= 0.01)
                .forEach(e -> System.out.printf("    %7.3f ms  %5.1f %%  %s%n", e.getValue() / count, 100 * e.getValue() / jvmMs, e.getKey()));
    }

    static Phase latencyOnly(String name, long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        double total = Arrays.stream(sorted).sum() / 1e9;
        return new Phase(name, sorted.length, total, sorted.length / total, sorted[sorted.length / 2] / 1e6, percentile99(sorted) / 1e6,
                Double.NaN, Double.NaN, "one client");
    }

    static long percentile99(long[] sorted) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * 0.99) - 1)];
    }

    static long timed(Step step) throws Exception {
        long t0 = System.nanoTime();
        step.run(0);
        return System.nanoTime() - t0;
    }

    /**
     * CPU time in milliseconds of the Plenum JVM and of its PostgreSQL (the postmaster found by its data directory,
     * with every backend: live ones by their own time, exited ones through the postmaster's children's time).
     */
    record CpuClock(List<Process> jvms, Path data) {
        private static final Pattern THREAD = Pattern.compile("^\"(.*)\" .*? cpu=([0-9.]+)ms", Pattern.MULTILINE);

        /** Milliseconds of CPU of each group of live threads of the JVMs, a group being a name without its numbers. */
        Map<String, Double> byThreadGroup() throws Exception {
            Map<String, Double> groups = new HashMap<>();
            for (Process jvm : jvms) {
                Process jcmd = new ProcessBuilder("jcmd", Long.toString(jvm.pid()), "Thread.print").redirectErrorStream(true).start();
                String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                jcmd.waitFor();
                Matcher m = THREAD.matcher(dump);
                while (m.find()) {
                    groups.merge(m.group(1).replaceAll("[0-9]+", "#"), Double.parseDouble(m.group(2)), Double::sum);
                }
            }
            return groups;
        }

        double[] read() throws IOException {
            double jvmMs = jvms.stream().mapToLong(jvm -> jvm.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                    .sum() / 1e6;
            double pgTicks = 0;
            for (ProcessHandle postgres : postgresProcesses()) {
                pgTicks += ticks(postgres.pid());
            }
            return new double[]{jvmMs, pgTicks * 1000.0 / TICKS_PER_SECOND};
        }

        private List<ProcessHandle> postgresProcesses() {
            String dir = data.toAbsolutePath().toString();
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(dir)).orElse(false))
                    .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
                    .distinct().toList();
        }

        private static double ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after the command: state(0) … utime(11) stime(12) cutime(13) cstime(14)
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }
    }

    static Map<String, String> awaitDirectory(String base, String coop, int members, Auth reader) throws Exception {
        for (int attempt = 0; attempt < 600; attempt++) {
            String list = send("GET", base + "/api/v1/cooperatives/" + coop + "/members", reader, null, Set.of(200));
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

    static String send(String method, String url, Auth auth, String json, Set<Integer> expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", auth.header());
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (!expected.contains(response.statusCode())) {
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
        // a start takes ~10 s on an idle machine and several times that while other builds run
        for (int i = 0; i < 1500; i++) {
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
