import coop.plenum.PlenumApplication;
import coop.plenum.api.support.Caller;
import coop.plenum.api.support.Commands;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.CreateAccount;
import coop.plenum.governance.axon.EventMetadata;
import coop.plenum.governance.axon.ReadModelCatchUp;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.cooperative.FoundCooperative;
import coop.plenum.governance.cooperative.FounderSeat;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.membership.AdmitMember;
import coop.plenum.governance.membership.ApplyForMembership;
import coop.plenum.governance.proposal.BallotRecorded;
import coop.plenum.governance.proposal.BallotOutcome;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.governance.proposal.CastBallots;
import coop.plenum.governance.proposal.CloseVoting;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.proposal.OpenVoting;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.RevealedBallot;
import coop.plenum.governance.proposal.Secrecy;
import coop.plenum.governance.proposal.SecretBallotsRevealed;
import coop.plenum.governance.proposal.SubmitProposal;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.proposal.secret.ReceiptTags;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.tally.Tally;
import coop.plenum.governance.tally.YesNo;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Voter;
import coop.plenum.kernel.NotFound;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Closing a secret vote END TO END (issue 15: 100,000 ballots ≤ 5 s), in process against the real application on
 * its embedded PostgreSQL event log (fsync on) and MongoDB-wire read models, driven through the CommandGateway (no
 * HTTP, so 100,000 members are affordable). One cooperative (one founder, the secretary; the voters apply and the
 * secretary admits them), one SECRET YES_NO proposal opened by the secretary, every voter casts one sealed ballot
 * as CastBallots of 64, what the API's group commit sends on a busy vote ({@code --cast api}: through the API's
 * own {@code Commands}, group commit and read-your-writes) from several threads, then the secretary's CloseVoting is timed from send to acknowledgement (committed: the reveal pages,
 * VotingClosed and the key's destruction in one transaction). Also: the cast rate per tenth of the vote (a snapshot of
 * an open secret vote holds every sealed ballot and is rewritten every 1,000 events), the snapshot sizes seen, the time
 * to load the proposal cold (evicted from the aggregate cache), and a check that every revealed ballot carries the
 * choice cast with its receipt tag and that the recorded approval equals a recount of the choices cast.
 *
 *   ./mvnw -o -q -DskipTests package; X=$(mktemp -d); (cd $X && jar xf .../web/target/plenum.jar)
 *   java -Xmx3g -cp "$X/BOOT-INF/classes:$X/BOOT-INF/lib/*" benchmarks/secret/SecretCloseEndToEndBenchmark.java
 *        [--voters N] [--threads N] [--setup commands|direct] [--cast batch|api] [--close warm|cold] [--jfr close.jfr] [--seed N]
 *        [--catch-up SECONDS]
 */
public class SecretCloseEndToEndBenchmark {

    private static final String COOP = "bench-coop";
    private static final String SECRETARY = "bench-secretary";

    public static void main(String[] args) throws Exception {
        int voters = 100_000;
        int threads = 8;
        boolean coldClose = false;
        boolean viaApi = false;
        String jfr = null;
        boolean directSetUp = false;
        long seed = 15;
        int catchUpSeconds = 120;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--voters" -> voters = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--close" -> coldClose = "cold".equals(args[i + 1]);
                case "--cast" -> viaApi = "api".equals(args[i + 1]);
                case "--jfr" -> jfr = args[i + 1];
                case "--setup" -> directSetUp = "direct".equals(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--catch-up" -> catchUpSeconds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path data = Files.createTempDirectory("plenum-secret-close-");
        System.setProperty("axoniq.update-checker.disabled", "true");
        long bootStart = System.nanoTime();
        ConfigurableApplicationContext app = SpringApplication.run(PlenumApplication.class,
                "--server.port=0", "--plenum.data-dir=" + data, "--plenum.security.bcrypt-strength=4",
                "--plenum.admin-password=bench-admin-password", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                // with --cast api every ballot waits (bounded) for the read models: their lag is reported, not logged per ballot
                "--logging.level.coop.plenum.governance.axon.ReadModelCatchUp=ERROR");
        System.out.printf("booted in %,d ms, data in %s%n", ms(bootStart), data);
        try {
            new SecretCloseEndToEndBenchmark(app, voters, threads, seed, directSetUp, catchUpSeconds).run(coldClose, viaApi, jfr);
        } finally {
            app.close();
        }
        System.out.printf("load average: %.1f on %d cores%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.exit(0);
    }

    private final CommandGateway gateway;
    private final Commands commands;
    private final Cache aggregateCache;
    private final Repository<?> proposals;
    private final EventStore log;
    private final ReadModelCatchUp readModels;
    private final DataSource postgres;
    private final String passwordHash;
    private final int voters;
    private final int threads;
    private final Random random;
    private final SecureRandom secure = new SecureRandom();
    private final boolean directSetUp;
    private final org.axonframework.common.transaction.TransactionManager transactions;
    private final org.axonframework.config.EventProcessingConfiguration processing;
    private final int catchUpSeconds;

    SecretCloseEndToEndBenchmark(ConfigurableApplicationContext app, int voters, int threads, long seed, boolean directSetUp,
                                 int catchUpSeconds) {
        this.directSetUp = directSetUp;
        this.catchUpSeconds = catchUpSeconds;
        this.processing = app.getBean(org.axonframework.config.EventProcessingConfiguration.class);
        this.transactions = app.getBean(org.axonframework.common.transaction.TransactionManager.class);
        this.gateway = app.getBean(CommandGateway.class);
        this.commands = app.getBean(Commands.class);
        this.aggregateCache = (Cache) app.getBean("aggregateCache");
        this.proposals = (Repository<?>) app.getBean("proposalRepository");
        this.log = app.getBean(EventStore.class);
        this.readModels = app.getBean(ReadModelCatchUp.class);
        this.postgres = app.getBeansOfType(DataSource.class).values().iterator().next();
        // the API hashes a password before CreateAccount; one hash serves every voter (nobody logs in here)
        this.passwordHash = app.getBean(PasswordEncoder.class).encode("bench-password");
        this.voters = voters;
        this.threads = threads;
        this.random = new Random(seed);
    }

    private static String account(int i) {
        return "bench-acc-" + i;
    }

    private static String member(int i) {
        return "bench-m-" + i;
    }

    private static final List<String> CLASSES = List.of("workers", "users", "investors");

    void run(boolean coldClose, boolean viaApi, String jfr) throws Exception {
        ProposalId proposal = setUp();

        // every voter one random choice; the receipt tag is what the API computes from the voter's secret
        Choice[] choices = Choice.values();
        Choice[] cast = new Choice[voters];
        String[] tags = new String[voters];
        for (int i = 0; i < voters; i++) {
            cast[i] = choices[random.nextInt(choices.length)];
            tags[i] = ReceiptTags.tag(proposal, ReceiptTags.newSecret(secure));
        }
        SnapshotWatch snapshots = new SnapshotWatch(proposal.value());
        Thread watcher = new Thread(snapshots, "snapshot-watch");
        watcher.setDaemon(true);
        watcher.start();
        int tenth = Math.max(1, voters / 10);
        long[] tenthStarted = {System.nanoTime()};
        AtomicInteger done = new AtomicInteger();
        IntConsumer counted = ballots -> {
            int before = done.getAndAdd(ballots);
            if ((before + ballots) / tenth > before / tenth) {
                synchronized (tenthStarted) {
                    long now = System.nanoTime();
                    System.out.printf("  cast %,d: last tenth at %,.0f ballots/s; latest snapshot %s%n", before + ballots,
                            tenth / ((now - tenthStarted[0]) / 1e9), snapshots.latest());
                    tenthStarted[0] = now;
                }
            }
        };
        long castStart = System.nanoTime();
        if (viaApi) {
            // as an HTTP client's PUT …/ballots/{m}: the API's group commit, then read-your-writes (bounded)
            parallel(voters, i -> {
                BallotRecorded recorded = commands.<BallotRecorded>sendUnder(COOP, ballot(proposal, i, cast, tags),
                        new Caller(new AccountId(account(i)), "bench-" + i),
                        () -> new NotFound("resource.not-found", "no such proposal")).block();
                if (recorded == null || !recorded.sealed()) {
                    throw new IllegalStateException("ballot " + i + " was not sealed: " + recorded);
                }
                counted.accept(1);
            });
        } else {
            // what the API's group commit sends when ballots queue on a busy vote: full CastBallots of 64, one
            // transaction each, without waiting for the read models
            int batch = CastBallots.MAX_BALLOTS;
            parallel((voters + batch - 1) / batch, b -> {
                List<CastBallots.Queued> queued = new ArrayList<>();
                for (int i = b * batch; i < Math.min(voters, (b + 1) * batch); i++) {
                    queued.add(new CastBallots.Queued(ballot(proposal, i, cast, tags), account(i), "bench-" + i));
                }
                List<BallotOutcome> outcomes = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new CastBallots(proposal, queued)).andMetaData(MetaData.with(EventMetadata.ACTOR, EventMetadata.SYSTEM)
                        .and(EventMetadata.ADDRESSED_COOPERATIVE, COOP)));
                for (BallotOutcome outcome : outcomes) {
                    if (!outcome.recordedOrThrow().sealed()) {
                        throw new IllegalStateException("a ballot was not sealed: " + outcome);
                    }
                }
                counted.accept(queued.size());
            });
        }
        long castMs = ms(castStart);
        System.out.printf("cast %,d sealed ballots (%s) from %d threads in %,d ms: %,.0f ballots/s%n", voters,
                viaApi ? "API path: group commit + read-your-writes" : "CastBallots of 64", threads, castMs, voters / (castMs / 1e3));
        // the close is timed alone if it can be: the read models (and the background snapshotter) finish the vote's
        // events first, for at most --catch-up seconds (the machine is shared: the close's CPU time is the steadier figure)
        awaitReadModels();
        Thread.sleep(2_000);
        snapshots.stop();
        System.out.printf("snapshots written while casting (sequence: payload bytes): %s%n", snapshots.seen());

        StringBuilder cold = new StringBuilder();
        for (int run = 0; run < 2; run++) {
            // the proposal only: the cooperative stays cached, as on a node that restarted long ago
            aggregateCache.remove(proposal.value());
            long loadCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
            try {
                proposals.load(proposal.value());
            } finally {
                unit.rollback();
            }
            cold.append(String.format("%,d ms wall / %,d ms CPU; ", ms(t0),
                    (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - loadCpu) / 1_000_000));
        }
        System.out.printf("load of the proposal, cold (evicted from the cache: snapshot + events after it), twice: %s%n", cold);
        if (coldClose) {
            aggregateCache.remove(proposal.value());
        } else {
            // as after the last ballot: the proposal is in this node's cache
            DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
            proposals.load(proposal.value());
            unit.commit();
        }

        // a flight recording of the close alone, to see where its time goes (jfr print --events jdk.ExecutionSample …)
        jdk.jfr.Recording recording = null;
        if (jfr != null) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.start();
        }
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(new CloseVoting(proposal))
                .andMetaData(MetaData.with(EventMetadata.ACTOR, SECRETARY).and(EventMetadata.ADDRESSED_COOPERATIVE, COOP)));
        long closeMs = ms(t0);
        long closeCpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1_000_000;
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of(jfr));
            recording.close();
        }
        System.out.printf("CLOSE of %,d ballots (%s cache), send to acknowledgement: %,d ms wall, %,d ms CPU of the sending thread%n",
                voters, coldClose ? "cold" : "warm", closeMs, closeCpu);

        check(proposal, cast, tags);
    }

    /**
     * Waits, at most --catch-up seconds, until every read model and policy has reached the log's head as it was after
     * the last ballot, and says when each got there (the proposals read model is the one a ballot costs most), or how
     * far behind it was every 10 s and at the end, with its rate: events handled per second since the last report.
     */
    private void awaitReadModels() throws InterruptedException {
        long head = readModels.logHead().orElse(-1);
        long start = System.nanoTime();
        long deadline = start + java.util.concurrent.TimeUnit.SECONDS.toNanos(catchUpSeconds);
        Map<String, Long> reachedAfter = new java.util.TreeMap<>();
        Map<String, Long> lastPosition = new HashMap<>();
        long lastReport = start;
        while (true) {
            Map<String, Long> behind = new java.util.TreeMap<>();
            for (var entry : processing.eventProcessors().entrySet()) {
                if (!(entry.getValue() instanceof org.axonframework.eventhandling.StreamingEventProcessor processor)
                        || !(entry.getKey().startsWith("readmodel-") || entry.getKey().startsWith("policy-"))
                        || reachedAfter.containsKey(entry.getKey())) {
                    continue;
                }
                long lowest = processor.processingStatus().isEmpty() ? -1 : Long.MAX_VALUE;
                for (var segment : processor.processingStatus().values()) {
                    var token = segment.getTrackingToken();
                    lowest = Math.min(lowest, token == null ? -1 : token.position().orElse(-1));
                }
                if (lowest >= head) {
                    reachedAfter.put(entry.getKey(), ms(start));
                } else {
                    behind.put(entry.getKey(), lowest);
                }
            }
            boolean late = System.nanoTime() >= deadline;
            if (behind.isEmpty() || late || System.nanoTime() - lastReport >= 10_000_000_000L) {
                double seconds = (System.nanoTime() - lastReport) / 1e9;
                StringBuilder out = new StringBuilder();
                behind.forEach((name, position) -> out.append(String.format("%s %,d behind (%,.0f events/s); ", name,
                        head - position, (position - lastPosition.getOrDefault(name, position)) / seconds)));
                if (!behind.isEmpty()) {
                    System.out.printf("  after %,d ms, still behind the head (%,d): %s%n", ms(start), head, out);
                }
                behind.forEach(lastPosition::put);
                lastReport = System.nanoTime();
            }
            if (behind.isEmpty() || late) {
                System.out.printf("read models %s the log's head %,d ms after the last ballot (--catch-up %d s); each reached it after (ms): %s%n",
                        behind.isEmpty() ? "reached" : "had NOT reached", ms(start), catchUpSeconds, reachedAfter);
                return;
            }
            Thread.sleep(50);
        }
    }

    private static CastBallot ballot(ProposalId proposal, int i, Choice[] cast, String[] tags) {
        return new CastBallot(proposal, new MemberId(member(i)), cast[i], null, null, null, null, null, tags[i]);
    }

    /** Accounts, the cooperative, admissions, the proposal, voting open. Returns the proposal. */
    private ProposalId setUp() throws Exception {
        long t0 = System.nanoTime();
        system(new CreateAccount(new AccountId(SECRETARY), "bench-secretary", "Secretary", passwordHash, false));
        if (directSetUp) {
            appendInBatches(voters, i -> List.of(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Account", account(i), 0,
                    new coop.plenum.governance.account.AccountCreated(new AccountId(account(i)), "voter" + i, "Voter " + i,
                            passwordHash, false, java.time.Instant.now()), MetaData.with(EventMetadata.ACTOR, EventMetadata.SYSTEM))));
        } else {
            parallel(voters, i -> system(new CreateAccount(new AccountId(account(i)), "voter" + i, "Voter " + i, passwordHash, false)));
        }
        System.out.printf("set-up: %,d accounts in %,d ms%n", voters + 1, ms(t0));
        long t1 = System.nanoTime();
        Charter charter = new Charter(List.of(new StakeholderClass("workers", "Workers", 50, 20),
                new StakeholderClass("users", "Users", 30, 20), new StakeholderClass("investors", "Investors", 20, 20)),
                List.of("general"), null, null, null, null, null);
        system(new FoundCooperative(new CooperativeId(COOP), "Bench Cooperative", charter,
                List.of(new FounderSeat(new AccountId(SECRETARY), "workers")), new AccountId(SECRETARY)));
        CooperativeId coop = new CooperativeId(COOP);
        if (directSetUp) {
            long founded = log.lastSequenceNumberFor(COOP).orElseThrow();
            appendInBatches(voters, i -> {
                AccountId acc = new AccountId(account(i));
                MemberId m = new MemberId(member(i));
                java.time.Instant now = java.time.Instant.now();
                return List.of(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Cooperative", COOP, founded + 1 + 2L * i,
                                new coop.plenum.governance.membership.MembershipApplied(coop, m, acc, CLASSES.get(i % 3), now),
                                MetaData.with(EventMetadata.ACTOR, acc.value())),
                        new org.axonframework.eventhandling.GenericDomainEventMessage<>("Cooperative", COOP, founded + 2 + 2L * i,
                                new coop.plenum.governance.membership.MemberAdmitted(coop, m, acc, CLASSES.get(i % 3), now),
                                MetaData.with(EventMetadata.ACTOR, SECRETARY)));
            });
            aggregateCache.removeAll();
        } else {
            parallel(voters, i -> {
                as(account(i), new ApplyForMembership(coop, new MemberId(member(i)), new AccountId(account(i)), CLASSES.get(i % 3)));
                as(SECRETARY, new AdmitMember(coop, new MemberId(member(i))));
            });
        }
        System.out.printf("set-up: %,d members applied and admitted in %,d ms%n", voters, ms(t1));
        ProposalId proposal = new ProposalId("bench-secret-vote");
        long t2 = System.nanoTime();
        as(SECRETARY, new SubmitProposal(proposal, coop, "Admit the bench", "A secret vote of every member.", "general",
                ProposalKind.GENERAL, null, null, null, null, null, null, null, null, Secrecy.SECRET));
        as(SECRETARY, new OpenVoting(proposal));
        System.out.printf("set-up: proposal submitted and its vote opened (electorate of %,d) in %,d ms%n", voters + 1, ms(t2));
        return proposal;
    }

    /** Every revealed ballot is the one cast with its tag; the recorded approval is a recount of the choices cast. */
    private void check(ProposalId proposal, Choice[] cast, String[] tags) {
        VotingOpened opened = null;
        VotingClosed closed = null;
        Map<String, RevealedBallot> revealed = new HashMap<>();
        int pages = 0;
        var events = log.readEvents(proposal.value());
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            if (payload instanceof VotingOpened o) {
                opened = o;
            } else if (payload instanceof SecretBallotsRevealed page) {
                pages++;
                page.ballots().forEach(b -> revealed.put(b.tag(), b));
            } else if (payload instanceof VotingClosed c) {
                closed = c;
            }
        }
        if (opened == null || closed == null) {
            throw new IllegalStateException("no VotingOpened or VotingClosed in the proposal's stream");
        }
        Map<MemberId, ElectorateMember> electorate = new HashMap<>();
        opened.electorate().forEach(m -> electorate.put(m.memberId(), m));
        Map<MemberId, Choice> ballots = new HashMap<>();
        int wrong = 0;
        Map<Choice, Integer> counts = new EnumMap<>(Choice.class);
        for (int i = 0; i < cast.length; i++) {
            RevealedBallot ballot = revealed.get(tags[i]);
            ElectorateMember voter = electorate.get(new MemberId(member(i)));
            if (ballot == null || ballot.choice() != cast[i] || !ballot.classId().equals(voter.classId())
                    || ballot.power().compareTo(voter.power()) != 0) {
                wrong++;
            }
            ballots.put(voter.memberId(), cast[i]);
            counts.merge(cast[i], 1, Integer::sum);
        }
        Tally recount = YesNo.directBallotsOnly(new Electorate(opened.classes(), opened.decision(), opened.electorate().stream()
                .map(m -> new Voter(m.memberId(), m.classId(), m.power())).toList()), ballots);
        boolean same = recount.outcome() == closed.outcome()
                && String.valueOf(recount.approval()).equals(String.valueOf(closed.approval()));
        System.out.printf("check: %,d revealed in %d pages, %,d cast (%s); %d not revealed as cast; recorded %s %s, recount %s %s: %s%n",
                revealed.size(), pages, cast.length, counts, wrong, closed.outcome(), closed.approval(), recount.outcome(),
                recount.approval(), wrong == 0 && revealed.size() == cast.length && same ? "OK" : "MISMATCH");
        if (wrong != 0 || revealed.size() != cast.length || !same) {
            throw new IllegalStateException("the recorded result is not the ballots cast");
        }
    }

    /**
     * --setup direct: the events the set-up's commands would record (AccountCreated; MembershipApplied and
     * MemberAdmitted on the cooperative's stream, in sequence), appended through the event store in units of work of
     * 500 voters, one after the other, so 100,000 voters do not take ~200,000 commands queued on the cooperative's
     * lock (~30 members/s on this machine). What is measured afterwards goes through the commands as usual.
     */
    private void appendInBatches(int n, java.util.function.IntFunction<List<org.axonframework.eventhandling.EventMessage<?>>> events) {
        for (int from = 0; from < n; from += 500) {
            List<org.axonframework.eventhandling.EventMessage<?>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 500); i++) {
                batch.addAll(events.apply(i));
            }
            DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
            unit.attachTransaction(transactions);
            log.publish(batch);
            unit.commit();
        }
    }

    private void system(Object command) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.with(EventMetadata.ACTOR, EventMetadata.SYSTEM)));
    }

    private void as(String account, Object command) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.with(EventMetadata.ACTOR, account)));
    }

    /** Runs body(0..n-1) on the benchmark's threads, each taking the next index; the first failure stops the run. */
    private void parallel(int n, IntConsumer body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n && failed.get() == null; i = next.getAndIncrement()) {
                    try {
                        body.accept(i);
                    } catch (Throwable e) {
                        failed.compareAndSet(null, e);
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        if (failed.get() != null) {
            throw new IllegalStateException("a command failed", failed.get());
        }
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Polls the snapshot table: Axon keeps one snapshot per aggregate, so each new sequence number is a new snapshot. */
    private final class SnapshotWatch implements Runnable {
        private final String aggregate;
        private final Map<Long, Long> seen = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
        private volatile boolean running = true;

        SnapshotWatch(String aggregate) {
            this.aggregate = aggregate;
        }

        @Override
        public void run() {
            while (running) {
                try (Connection c = postgres.getConnection();
                     PreparedStatement s = c.prepareStatement(
                             "select sequenceNumber, length(payload) from SnapshotEventEntry where aggregateIdentifier = ?")) {
                    s.setString(1, aggregate);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            seen.putIfAbsent(r.getLong(1), r.getLong(2));
                        }
                    }
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    System.out.println("  snapshot watch: " + e);
                    return;
                }
            }
        }

        void stop() {
            running = false;
        }

        String latest() {
            synchronized (seen) {
                Map.Entry<Long, Long> last = null;
                for (Map.Entry<Long, Long> e : seen.entrySet()) {
                    last = e;
                }
                return last == null ? "none" : String.format("at sequence %,d, %,d bytes", last.getKey(), last.getValue());
            }
        }

        String seen() {
            synchronized (seen) {
                StringBuilder out = new StringBuilder();
                seen.forEach((seq, bytes) -> out.append(String.format("%,d: %,d; ", seq, bytes)));
                return out.isEmpty() ? "none" : out.toString();
            }
        }
    }
}
