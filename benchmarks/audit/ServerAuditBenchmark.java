import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.audit.offline.ExportVerifier;
import coop.plenum.governance.axon.SerializationConfiguration;
import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.DelegationRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.DelegationsFrozen;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.ProposalSubmitted;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.storage.EmbeddedPostgresServer;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.tally.YesNo;
import coop.plenum.governance.tally.Tally;
import coop.plenum.governance.voting.Voter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Server-side audit at scale (issue 11 targets: verification ≥ 100,000 events/s, export ≥ 50,000 events/s in
 * bounded memory, offline verify + re-tally ≥ 50,000 events/s; also read-model rebuild in events/s and how fast the
 * chainer links a backlog). Runs the real jar against a PostgreSQL this program starts (the embedded binaries,
 * fsync on), so it can write a generated history straight into the event table:
 * <ol>
 *   <li>boots plenum.jar, creates 100 accounts and a cooperative they found (through the API), stops it;</li>
 *   <li>appends N events (default 1,000,000) of that cooperative to {@code domainevententry} as the app would
 *       store them: votes of its 100 members, each ~1,000 ballots (recasts) long and closed with the outcome its
 *       ballots give;</li>
 *   <li>restarts plenum.jar (heap capped with -Xmx, default 512 MB) and times the chainer linking the backlog and
 *       the read models catching up (both at once, as after an upgrade);</li>
 *   <li>times {@code GET …/audit/verification}, {@code GET …/audit/events} (to a file), the offline
 *       {@code ExportVerifier} over that file, and {@code POST /operations/read-model-rebuild}.</li>
 * </ol>
 * Build once, then run from the repository root:
 * <pre>
 * ./mvnw -q -o package -DskipTests
 * ./mvnw -q -o -pl governance-core -am compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx2g -cp governance-core/target/classes:$(cat governance-core/target/cp.txt) benchmarks/audit/ServerAuditBenchmark.java [events] [server-heap]
 * </pre>
 */
public class ServerAuditBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "bench-admin-password";
    private static final int MEMBERS = 100;
    private static final int EVENTS_PER_VOTE = 1000;

    public static void main(String[] args) throws Exception {
        long target = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        String heap = args.length > 1 ? args[1] : "512m";
        Path work = Files.createTempDirectory("plenum-audit-bench-");
        System.out.printf("work directory %s, %,d events, server heap %s, %d cores%n", work, target, heap,
                Runtime.getRuntime().availableProcessors());
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(work.resolve("postgres"))) {
            int port = freePort();
            Plenum plenum = Plenum.start(work, postgres, port, heap);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://127.0.0.1:" + port + "/api/v1";
            Founded coop = found(http, base);
            plenum.stop();

            long inserted;
            long start = System.nanoTime();
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), "")) {
                inserted = appendHistory(db, coop, target);
            }
            double insertSeconds = seconds(start);
            System.out.printf("appended %,d events in %.1f s (%,.0f events/s, JDBC batches)%n", inserted, insertSeconds, inserted / insertSeconds);

            long restart = System.nanoTime();
            long head;
            double[] chainedAfter = {Double.NaN};
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), "")) {
                head = single(db, "select max(globalindex) from domainevententry");
            }
            Thread watcher = new Thread(() -> {
                try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), "")) {
                    chainedAfter[0] = waitUntil(() -> single(db, "select coalesce(max(position), 0) from audit_chain_cursor") >= head, restart);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            watcher.start();
            plenum = Plenum.start(work, postgres, port, heap);
            double ready = seconds(restart);
            watcher.join();
            System.out.printf("after a restart on the backlog (both at once, as after an upgrade):%n"
                    + "  read models caught up (requests answered) %.1f s after start: %,.0f events/s%n"
                    + "  chainer linked and signed the %,d new events %.1f s after start: %,.0f events/s%n",
                    ready, head / ready, inserted, chainedAfter[0], inserted / chainedAfter[0]);

            // AUDIT_BENCH_WAIT_FOR=FILE: the slow set-up may share a busy machine, the timed phases wait for a quiet one
            String waitFor = System.getenv().getOrDefault("AUDIT_BENCH_WAIT_FOR", "");
            if (!waitFor.isBlank()) {
                System.out.printf("set up; timing starts once %s exists…%n", waitFor);
                while (!Files.exists(Path.of(waitFor))) {
                    Thread.sleep(500);
                }
            }
            List<Double> verify = new ArrayList<>();
            long checked = 0;
            for (int run = 0; run < 4; run++) {
                long t = System.nanoTime();
                JsonNode result = JSON.readTree(get(http, base + "/cooperatives/" + coop.id + "/audit/verification"));
                verify.add(seconds(t));
                checked = result.path("eventsChecked").asLong();
                if (!result.path("ok").asBoolean()) {
                    throw new IllegalStateException("verification failed: " + result);
                }
            }
            report("server verification", checked, verify);

            Path export = work.resolve("export.ndjson");
            List<Double> exports = new ArrayList<>();
            for (int run = 0; run < 4; run++) {
                long t = System.nanoTime();
                download(http, base + "/cooperatives/" + coop.id + "/audit/events", export);
                exports.add(seconds(t));
            }
            report("export (" + Files.size(export) / 1_000_000 + " MB, server heap " + heap + ")", checked, exports);

            Path key = work.resolve("key.json");
            Files.writeString(key, get(http, base + "/audit/public-key"));
            byte[] publicKey = Base64.getDecoder().decode(JSON.readTree(key.toFile()).path("publicKey").asText());
            List<Double> offline = new ArrayList<>();
            ExportVerifier.Report report = null;
            for (int run = 0; run < 4; run++) {
                long t = System.nanoTime();
                try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
                    report = new ExportVerifier(publicKey).verify(reader, n -> { });
                }
                offline.add(seconds(t));
            }
            if (!report.ok()) {
                throw new IllegalStateException("the export did not verify offline: " + report.problem());
            }
            report("offline verify + " + report.decisions().size() + " re-tallies", report.eventsChecked(), offline);

            if (!System.getenv().getOrDefault("AUDIT_BENCH_SKIP_REBUILD", "").isBlank()) {
                System.out.println("read-model rebuild skipped (AUDIT_BENCH_SKIP_REBUILD)");
                plenum.stop();
                return;
            }
            // the POST answers when caught up or after the server's 10-minute limit; progress is read alongside it
            long t = System.nanoTime();
            java.util.concurrent.CompletableFuture<String> posted = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return send(http, HttpRequest.newBuilder(URI.create(base + "/operations/read-model-rebuild"))
                            .POST(HttpRequest.BodyPublishers.noBody()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            JsonNode progress;
            do {
                Thread.sleep(30_000);
                progress = JSON.readTree(get(http, base + "/operations/read-model-rebuild"));
                System.out.printf("  rebuild after %.0f s: position %,d of %,d (%d %%), %,d events/s%n", seconds(t),
                        progress.path("position").asLong(), progress.path("logHead").asLong(), progress.path("percent").asInt(),
                        progress.path("eventsPerSecond").asLong());
            } while (progress.path("percent").asInt() < 100);
            double rebuild = seconds(t);
            JsonNode answered = JSON.readTree(posted.get());
            System.out.printf("read-model rebuild: %,d events in about %.0f s (read every 30 s) = %,.0f events/s; the POST answered "
                            + "caughtUp=%s after %,d ms%n", head, rebuild, head / rebuild, answered.path("caughtUp").asText(),
                    answered.path("tookMillis").asLong());
            plenum.stop();
        }
    }

    /** Ballot recasts by 100 members, in votes of ~1,000 events each, closed with the outcome their ballots give. */
    private static long appendHistory(Connection db, Founded coop, long target) throws Exception {
        ObjectMapper events = SerializationConfiguration.eventObjectMapper();
        db.setAutoCommit(false);
        List<StakeholderClass> classes = coop.classes;
        DecisionRule rule = new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED);
        List<ElectorateMember> electorate = new ArrayList<>();
        coop.members.forEach((member, account) -> electorate.add(new ElectorateMember(new MemberId(member), new AccountId(account),
                coop.classOf.get(member), new BigDecimal("1.000000"))));
        Electorate frozen = new Electorate(classes, rule, electorate.stream().map(m -> new Voter(m.memberId(), m.classId(), m.power())).toList());
        Random random = new Random(42);
        Instant time = Instant.parse("2026-06-01T00:00:00Z");
        String metadata = "{\"actor\":\"" + coop.author.account + "\",\"correlationId\":\"bench\",\"causationId\":\"bench\",\"cooperativeId\":\"" + coop.id + "\"}";
        byte[] metadataBytes = metadata.getBytes(StandardCharsets.UTF_8);
        long written = 0;
        try (PreparedStatement insert = db.prepareStatement("insert into domainevententry (eventidentifier, aggregateidentifier, "
                + "sequencenumber, type, timestamp, payloadtype, payloadrevision, payload, metadata) values (?, ?, ?, ?, ?, ?, null, ?, ?)")) {
            int vote = 0;
            while (written < target) {
                ProposalId proposal = new ProposalId(UUID.nameUUIDFromBytes(("bench-" + vote++).getBytes(StandardCharsets.UTF_8)).toString());
                long count = Math.min(EVENTS_PER_VOTE, target - written);
                List<Object> payloads = new ArrayList<>();
                payloads.add(new ProposalSubmitted(proposal, new CooperativeId(coop.id), new MemberId(coop.author.member),
                        new AccountId(coop.author.account), "Generated vote " + vote, "A vote of the audit benchmark", "general",
                        ProposalKind.GENERAL, null, null, null, time));
                payloads.add(new VotingOpened(proposal, new CooperativeId(coop.id), "general", time, classes, rule,
                        new DelegationRule(true, 0), electorate));
                Map<MemberId, Choice> last = new HashMap<>();
                for (long b = 0; b < Math.max(0, count - 4); b++) {
                    MemberId member = electorate.get(random.nextInt(electorate.size())).memberId();
                    Choice choice = Choice.values()[random.nextInt(3)];
                    last.put(member, choice);
                    payloads.add(new BallotCast(proposal, member, choice, time));
                }
                Tally tally = YesNo.count(frozen, Map.of(), 0, Map.copyOf(last)).result();
                payloads.add(new DelegationsFrozen(proposal, time, List.of()));
                payloads.add(new VotingClosed(proposal, time, tally.outcome(), tally.approval() == null ? null : tally.approval().toString()));
                long sequence = 0;
                for (Object payload : payloads) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, proposal.value());
                    insert.setLong(3, sequence++);
                    insert.setString(4, "Proposal");
                    insert.setString(5, time.toString());
                    insert.setString(6, payload.getClass().getName());
                    insert.setBytes(7, events.writeValueAsBytes(payload));
                    insert.setBytes(8, metadataBytes);
                    insert.addBatch();
                    time = time.plusMillis(1);
                }
                insert.executeBatch();
                db.commit();
                written += payloads.size();
                if (vote % 100 == 0) {
                    System.out.printf("  … %,d events%n", written);
                }
            }
        }
        return written;
    }

    private record Member(String member, String account) {
    }

    private record Founded(String id, Member author, Map<String, String> members, Map<String, String> classOf, List<StakeholderClass> classes) {
    }

    private static Founded found(HttpClient http, String base) throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            String body = "{\"username\":\"bench" + i + "\",\"password\":\"bench-password-" + i + "\",\"displayName\":\"Bench " + i + "\"}";
            accounts.add(JSON.readTree(send(http, admin(HttpRequest.newBuilder(URI.create(base + "/accounts")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)))).path("accountId").asText());
        }
        StringBuilder founders = new StringBuilder();
        for (int i = 0; i < accounts.size(); i++) {
            founders.append(i == 0 ? "" : ",").append("{\"accountId\":\"").append(accounts.get(i)).append("\",\"classId\":\"")
                    .append(i % 3 == 0 ? "users" : "workers").append("\"}");
        }
        String charter = "{\"classes\":[{\"id\":\"workers\",\"name\":\"Workers\",\"weight\":60,\"quorum\":10},"
                + "{\"id\":\"users\",\"name\":\"Users\",\"weight\":40,\"quorum\":10}]}";
        String id = JSON.readTree(send(http, admin(HttpRequest.newBuilder(URI.create(base + "/cooperatives")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Audit Bench\",\"charter\":" + charter + ",\"founders\":[" + founders
                                + "],\"secretaryAccountId\":\"" + accounts.get(0) + "\"}")))).path("cooperativeId").asText();
        Map<String, String> members = new java.util.LinkedHashMap<>();
        Map<String, String> classOf = new HashMap<>();
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create(base + "/cooperatives/" + id + "/members"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("bench0:bench-password-0".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode m : JSON.readTree(listed.body())) {
            members.put(m.path("memberId").asText(), m.path("accountId").asText());
            classOf.put(m.path("memberId").asText(), m.path("classId").asText());
        }
        String firstMember = members.entrySet().stream().filter(e -> e.getValue().equals(accounts.get(0))).findFirst().orElseThrow().getKey();
        List<StakeholderClass> classes = List.of(new StakeholderClass("workers", "Workers", 60, 10), new StakeholderClass("users", "Users", 40, 10));
        System.out.printf("founded %s with %d members%n", id, members.size());
        return new Founded(id, new Member(firstMember, accounts.get(0)), members, classOf, classes);
    }

    /** plenum.jar as a child process on the given PostgreSQL, its read models and key under {@code work/data}. */
    private record Plenum(Process process, HttpClient http, String base) {

        static Plenum start(Path work, EmbeddedPostgresServer postgres, int port, String heap) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap));
            // e.g. AUDIT_BENCH_SERVER_OPTS=-XX:StartFlightRecording=filename=/tmp/server.jfr to profile the server alone
            String extra = System.getenv().getOrDefault("AUDIT_BENCH_SERVER_OPTS", "");
            if (!extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            command.addAll(List.of("-jar", Path.of("web/target/plenum.jar").toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("PLENUM_DATA_DIR", work.resolve("data").toString());
            builder.environment().put("PLENUM_POSTGRES_URL", postgres.jdbcUrl());
            builder.environment().put("PLENUM_POSTGRES_USER", postgres.username());
            builder.environment().put("PLENUM_ADMIN_PASSWORD", ADMIN);
            builder.environment().put("SERVER_PORT", String.valueOf(port));
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("plenum.log").toFile()));
            Process process = builder.start();
            // never leave a node running on a PostgreSQL this program has stopped, whatever went wrong
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port + "/api/v1";
            long deadline = System.nanoTime() + Duration.ofMinutes(90).toNanos();
            while (status(http, base + "/accounts/me", "GET") != 200) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("plenum did not start; see " + work.resolve("plenum.log"));
                }
                Thread.sleep(200);
            }
            return new Plenum(process, http, base);
        }

        void stop() throws Exception {
            process.destroy();
            process.waitFor();
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static double waitUntil(Check check, long since) throws Exception {
        while (!check.holds()) {
            Thread.sleep(100);
        }
        return seconds(since);
    }

    private static void report(String what, long events, List<Double> runs) {
        List<Double> counted = new ArrayList<>(runs.subList(1, runs.size()));
        counted.sort(Double::compare);
        double median = counted.get(counted.size() / 2);
        System.out.printf("%s: %,d events, runs %s s (first is warm-up), median %.2f s = %,.0f events/s%n", what, events,
                Arrays.toString(runs.stream().map(r -> String.format("%.2f", r)).toArray()), median, events / median);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long single(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static HttpRequest.Builder admin(HttpRequest.Builder request) {
        return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(15));
    }

    private static int status(HttpClient http, String url, String method) {
        try {
            return http.send(admin(HttpRequest.newBuilder(URI.create(url))).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        return send(http, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static String send(HttpClient http, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(admin(request).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.statusCode() + " " + response.uri() + ": " + response.body());
        }
        return response.body();
    }

    private static void download(HttpClient http, String url, Path file) throws Exception {
        HttpResponse<InputStream> response = http.send(admin(HttpRequest.newBuilder(URI.create(url)).GET()).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + url);
        }
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
