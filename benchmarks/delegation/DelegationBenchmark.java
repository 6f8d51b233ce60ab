import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.tally.Tally;
import coop.plenum.governance.tally.YesNo;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.VoteCount;
import coop.plenum.governance.voting.Voter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Liquid-delegation tally at scale (issue: 10k, 100k, 1M members; 70 % delegating, chains up to 50 hops, 1 % of
 * delegators in cycles, 30 % direct voters). Measures, in one run: the final tally (resolve every chain and count,
 * as the Proposal does at closing) with time and retained memory; and, at one size, a provisional update after one
 * ballot, incremental (VoteCount kept up to date) against a full recount (VoteCount opened afresh over every ballot).
 *
 * <pre>
 * ./mvnw -q -o -pl governance-core compile
 * java -Xmx4g -cp ledger/target/classes:governance-core/target/classes benchmarks/delegation/DelegationBenchmark.java
 * </pre>
 * Options: --sizes 10000,100000,1000000  --updates-at 100000  --updates 20000  --seed 42
 */
public class DelegationBenchmark {

    private static final List<StakeholderClass> CLASSES = List.of(new StakeholderClass("workers", "Workers", 50, 10),
            new StakeholderClass("users", "Users", 30, 10), new StakeholderClass("investors", "Investors", 20, 10));
    private static final DecisionRule DECISION = new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED);
    private static final int MAX_HOPS = 50;

    record Graph(Electorate electorate, Map<MemberId, MemberId> delegations, Map<MemberId, Choice> ballots, int inCycles,
                 int longestChain) {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        int[] sizes = Arrays.stream(options.getOrDefault("sizes", "10000,100000,1000000").split(",")).mapToInt(Integer::parseInt).toArray();
        int updatesAt = Integer.parseInt(options.getOrDefault("updates-at", "100000"));
        int updates = Integer.parseInt(options.getOrDefault("updates", "20000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        System.out.printf("JVM %s, %d cores, max heap %d MB%n", Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        for (int n : sizes) {
            Graph g = generate(n, new Random(seed));
            long[] times = new long[7];
            Tally tally = null;
            for (int run = 0; run < times.length; run++) {
                long t0 = System.nanoTime();
                tally = YesNo.count(g.electorate(), g.delegations(), MAX_HOPS, g.ballots()).result();
                times[run] = System.nanoTime() - t0;
            }
            long retained = retainedBytes(g);
            Arrays.sort(times, 2, times.length);   // the first two runs warm the JIT up
            System.out.printf("final tally  n=%,9d  delegations=%,9d  in cycles=%,7d  longest chain=%2d  median %7.1f ms  "
                            + "(min %7.1f, max %7.1f)  retained %6.1f MB  outcome %s%n",
                    n, g.delegations().size(), g.inCycles(), g.longestChain(), ms(times[2 + (times.length - 2) / 2]), ms(times[2]),
                    ms(times[times.length - 1]), retained / 1e6, tally.outcome());
        }

        Graph g = generate(updatesAt, new Random(seed + 1));
        VoteCount<Choice, Tally> live = YesNo.count(g.electorate(), g.delegations(), MAX_HOPS, g.ballots());
        Map<MemberId, Choice> ballots = new HashMap<>(g.ballots());
        List<Voter> voters = g.electorate().voters();
        Random random = new Random(seed + 2);
        long[] incremental = new long[updates];
        for (int i = 0; i < updates; i++) {
            MemberId m = voters.get(random.nextInt(voters.size())).memberId();
            Choice c = Choice.values()[random.nextInt(3)];
            long t0 = System.nanoTime();
            live.cast(m, c);
            Tally t = live.result();
            incremental[i] = System.nanoTime() - t0;
            ballots.put(m, c);
            if (t == null) {
                throw new IllegalStateException();
            }
        }
        Arrays.sort(incremental, updates / 10, updates);   // the first tenth warms the JIT up
        long[] measured = Arrays.copyOfRange(incremental, updates / 10, updates);
        Tally check = YesNo.count(g.electorate(), g.delegations(), MAX_HOPS, ballots).result();
        boolean same = check.classes().equals(live.result().classes()) || sameSums(check, live.result());
        long[] full = new long[5];
        for (int i = 0; i < full.length; i++) {
            long t0 = System.nanoTime();
            YesNo.count(g.electorate(), g.delegations(), MAX_HOPS, ballots).result();
            full[i] = System.nanoTime() - t0;
        }
        Arrays.sort(full);
        System.out.printf("provisional update after one ballot, n=%,d, %,d ballots: incremental median %.3f ms, p99 %.3f ms, max %.3f ms;"
                        + " full recount median %.1f ms; incremental equals recount: %s%n",
                updatesAt, measured.length, ms(measured[measured.length / 2]), ms(measured[(int) (measured.length * 0.99)]),
                ms(measured[measured.length - 1]), ms(full[full.length / 2]), same);
    }

    private static boolean sameSums(Tally a, Tally b) {
        for (int c = 0; c < a.classes().size(); c++) {
            var x = a.classes().get(c);
            var y = b.classes().get(c);
            if (x.yes().compareTo(y.yes()) != 0 || x.no().compareTo(y.no()) != 0 || x.abstain().compareTo(y.abstain()) != 0) {
                return false;
            }
        }
        return a.outcome() == b.outcome();
    }

    /**
     * 30 % cast a ballot; 70 % delegate (independently, so some voters also delegate: their ballot wins). Delegators
     * get a depth 1..50 and delegate to a member one level lower (chains up to 50 hops); 1 % of delegators instead
     * form cycles of 2 to 6 members among themselves.
     */
    static Graph generate(int n, Random random) {
        List<Voter> voters = new ArrayList<>(n);
        MemberId[] ids = new MemberId[n];
        for (int i = 0; i < n; i++) {
            ids[i] = new MemberId("m" + i);
            String cls = CLASSES.get(random.nextInt(10) < 5 ? 0 : random.nextInt(10) < 6 ? 1 : 2).id();
            BigDecimal power = BigDecimal.ONE.add(BigDecimal.valueOf(random.nextInt(2_000_000), 6)).setScale(6);
            voters.add(new Voter(ids[i], cls, power));
        }
        Map<MemberId, Choice> ballots = new HashMap<>(n);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(100) < 30) {
                ballots.put(ids[i], Choice.values()[random.nextInt(3)]);
            }
        }
        int[] level = new int[n];
        List<List<Integer>> byLevel = new ArrayList<>();
        for (int l = 0; l <= MAX_HOPS; l++) {
            byLevel.add(new ArrayList<>());
        }
        List<Integer> cyclers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (random.nextInt(100) < 70) {
                if (random.nextInt(100) == 0) {
                    cyclers.add(i);
                    level[i] = -1;
                } else {
                    level[i] = 1 + random.nextInt(MAX_HOPS);
                }
            }
            if (level[i] >= 0) {
                byLevel.get(level[i]).add(i);
            }
        }
        Map<MemberId, MemberId> delegations = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            if (level[i] > 0) {
                int l = level[i] - 1;
                while (byLevel.get(l).isEmpty()) {
                    l--;
                }
                List<Integer> lower = byLevel.get(l);
                delegations.put(ids[i], ids[lower.get(random.nextInt(lower.size()))]);
            }
        }
        for (int start = 0; start < cyclers.size(); ) {
            int length = Math.min(2 + random.nextInt(5), cyclers.size() - start);
            for (int k = 0; k < length; k++) {
                int from = cyclers.get(start + k);
                int to = cyclers.get(start + (k + 1) % length);
                if (from != to) {
                    delegations.put(ids[from], ids[to]);
                }
            }
            start += length;
        }
        int longest = Arrays.stream(level).max().orElse(0);
        return new Graph(new Electorate(CLASSES, DECISION, voters), delegations, ballots, cyclers.size(), longest);
    }

    private static long retainedBytes(Graph g) {
        gc();
        long before = used();
        VoteCount<Choice, Tally> kept = YesNo.count(g.electorate(), g.delegations(), MAX_HOPS, g.ballots());
        gc();
        long after = used();
        if (kept.result() == null) {
            throw new IllegalStateException();
        }
        return after - before;
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
