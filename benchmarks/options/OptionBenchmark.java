import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.options.OptionBallot;
import coop.plenum.governance.options.OptionMethod;
import coop.plenum.governance.options.OptionTally;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.RankedBallot;
import coop.plenum.governance.options.SchulzeMethod;
import coop.plenum.governance.options.VoteMethod;
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
import java.util.function.Function;

/**
 * APPROVAL and SCORE tallies at scale (issue 12: 50 options at 1M members ≤ 1 s; a provisional update after one
 * ballot ≤ 1 ms), and RANKED (Schulze) with 10 options (issue 12: ≤ 1 s at 100,000 members; 1M reported too). The electorate has the delegation benchmark's shape: three classes, 30 % casting a ballot, 70 %
 * delegating in chains of up to 50 hops, 1 % of delegators in cycles. A ballot approves (or scores 1–5) 1 to 10 of
 * the options. Measures the final tally (median of five runs after two warm-ups) and, at one size, the incremental
 * update after one ballot against a full recount, and checks that both agree.
 *
 * <pre>
 * ./mvnw -q -o -pl governance-core -am compile
 * java -Xmx4g -cp ledger/target/classes:governance-core/target/classes benchmarks/options/OptionBenchmark.java
 * </pre>
 * Options: --sizes 100000,1000000  --options 50  --ranked-sizes 100000,1000000  --ranked-options 10  --updates-at 100000
 *          --updates 20000  --seed 42
 */
public class OptionBenchmark {

    private static final List<StakeholderClass> CLASSES = List.of(new StakeholderClass("workers", "Workers", 50, 10),
            new StakeholderClass("users", "Users", 30, 10), new StakeholderClass("investors", "Investors", 20, 10));
    private static final DecisionRule DECISION = new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED);
    private static final int MAX_HOPS = 50;

    record Vote<B>(Electorate electorate, Map<MemberId, MemberId> delegations, Map<MemberId, B> ballots) {
    }

    /** Opens a count of one method, as the aggregate does at closing and the live tally at start. */
    interface Counting<B, T> {
        VoteCount<B, T> count(Electorate electorate, Map<MemberId, MemberId> delegations, Integer maxHops, Map<MemberId, B> ballots);
    }

    public static void main(String[] args) {
        Map<String, String> o = options(args);
        int[] sizes = Arrays.stream(o.getOrDefault("sizes", "100000,1000000").split(",")).mapToInt(Integer::parseInt).toArray();
        int optionCount = Integer.parseInt(o.getOrDefault("options", "50"));
        int[] rankedSizes = Arrays.stream(o.getOrDefault("ranked-sizes", "100000,1000000").split(",")).mapToInt(Integer::parseInt).toArray();
        int rankedOptions = Integer.parseInt(o.getOrDefault("ranked-options", "10"));
        int updatesAt = Integer.parseInt(o.getOrDefault("updates-at", "100000"));
        int updates = Integer.parseInt(o.getOrDefault("updates", "20000"));
        long seed = Long.parseLong(o.getOrDefault("seed", "42"));
        System.out.printf("JVM %s, %d cores, max heap %d MB, %d options (RANKED: %d)%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, optionCount, rankedOptions);
        for (VoteMethod method : List.of(VoteMethod.APPROVAL, VoteMethod.SCORE)) {
            OptionMethod counting = OptionMethod.of(method, options(optionCount));
            run(method.name(), counting::count, r -> ballot(method, optionCount, r), t -> t.outcome() + " " + t.winners(),
                    sizes, updatesAt, updates, seed);
        }
        SchulzeMethod schulze = SchulzeMethod.of(options(rankedOptions));
        run("RANKED", schulze::count, r -> ranking(rankedOptions, r), t -> t.outcome() + " " + t.winners(),
                rankedSizes, updatesAt, updates, seed);
    }

    private static List<ProposalOption> options(int count) {
        List<ProposalOption> options = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            options.add(new ProposalOption("o" + i, "Option " + i));
        }
        return options;
    }

    /**
     * The final tally at each size (median of five runs after two warm-ups), then at one size the provisional update
     * after one ballot, incremental against a full recount, checking that both agree.
     */
    private static <B, T> void run(String label, Counting<B, T> counting, Function<Random, B> ballot, Function<T, String> describe,
                                   int[] sizes, int updatesAt, int updates, long seed) {
        for (int n : sizes) {
            Vote<B> v = generate(n, ballot, new Random(seed));
            long[] times = new long[7];
            T tally = null;
            for (int run = 0; run < times.length; run++) {
                long t0 = System.nanoTime();
                tally = counting.count(v.electorate(), v.delegations(), MAX_HOPS, v.ballots()).result();
                times[run] = System.nanoTime() - t0;
            }
            Arrays.sort(times, 2, times.length);
            System.out.printf("%-8s final tally  n=%,9d  ballots=%,8d  delegations=%,8d  median %7.1f ms (min %7.1f, max %7.1f)  "
                            + "outcome %s%n", label, n, v.ballots().size(), v.delegations().size(),
                    ms(times[2 + (times.length - 2) / 2]), ms(times[2]), ms(times[times.length - 1]), describe.apply(tally));
        }

        Vote<B> v = generate(updatesAt, ballot, new Random(seed + 1));
        VoteCount<B, T> live = counting.count(v.electorate(), v.delegations(), MAX_HOPS, v.ballots());
        Map<MemberId, B> ballots = new HashMap<>(v.ballots());
        List<Voter> voters = v.electorate().voters();
        Random random = new Random(seed + 2);
        long[] incremental = new long[updates];
        for (int i = 0; i < updates; i++) {
            MemberId m = voters.get(random.nextInt(voters.size())).memberId();
            B b = ballot.apply(random);
            long t0 = System.nanoTime();
            live.cast(m, b);
            T t = live.result();
            incremental[i] = System.nanoTime() - t0;
            ballots.put(m, b);
            if (t == null) {
                throw new IllegalStateException();
            }
        }
        long[] measured = Arrays.copyOfRange(incremental, updates / 10, updates);
        Arrays.sort(measured);
        T check = counting.count(v.electorate(), v.delegations(), MAX_HOPS, ballots).result();
        long[] full = new long[5];
        for (int i = 0; i < full.length; i++) {
            long t0 = System.nanoTime();
            counting.count(v.electorate(), v.delegations(), MAX_HOPS, ballots).result();
            full[i] = System.nanoTime() - t0;
        }
        Arrays.sort(full);
        System.out.printf("%-8s provisional update after one ballot, n=%,d, %,d ballots: incremental median %.3f ms, p99 %.3f ms, "
                        + "max %.3f ms; full recount median %.1f ms; incremental equals recount: %s%n",
                label, updatesAt, measured.length, ms(measured[measured.length / 2]), ms(measured[(int) (measured.length * 0.99)]),
                ms(measured[measured.length - 1]), ms(full[full.length / 2]), check.equals(live.result()));
    }

    /** 1 to all options ranked, about one group in five holding two tied options. */
    private static RankedBallot ranking(int optionCount, Random random) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < optionCount; i++) {
            ids.add("o" + i);
        }
        java.util.Collections.shuffle(ids, random);
        int ranked = 1 + random.nextInt(optionCount);
        List<List<String>> groups = new ArrayList<>();
        for (int i = 0; i < ranked; i++) {
            if (i + 1 < ranked && random.nextInt(5) == 0) {
                groups.add(List.of(ids.get(i), ids.get(i + 1)));
                i++;
            } else {
                groups.add(List.of(ids.get(i)));
            }
        }
        return new RankedBallot(groups);
    }

    private static OptionBallot ballot(VoteMethod method, int optionCount, Random random) {
        Map<String, Integer> scores = new HashMap<>();
        int k = 1 + random.nextInt(Math.min(10, optionCount));
        for (int i = 0; i < k; i++) {
            scores.put("o" + random.nextInt(optionCount), method == VoteMethod.APPROVAL ? 1 : 1 + random.nextInt(5));
        }
        return new OptionBallot(scores);
    }

    /** The delegation benchmark's electorate: 30 % vote, 70 % delegate in chains up to 50 hops, 1 % of them in cycles. */
    static <B> Vote<B> generate(int n, Function<Random, B> ballot, Random random) {
        List<Voter> voters = new ArrayList<>(n);
        MemberId[] ids = new MemberId[n];
        for (int i = 0; i < n; i++) {
            ids[i] = new MemberId("m" + i);
            String cls = CLASSES.get(random.nextInt(10) < 5 ? 0 : random.nextInt(10) < 6 ? 1 : 2).id();
            BigDecimal power = BigDecimal.ONE.add(BigDecimal.valueOf(random.nextInt(2_000_000), 6)).setScale(6);
            voters.add(new Voter(ids[i], cls, power));
        }
        Map<MemberId, B> ballots = new HashMap<>(n);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(100) < 30) {
                ballots.put(ids[i], ballot.apply(random));
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
        return new Vote<>(new Electorate(CLASSES, DECISION, voters), delegations, ballots);
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
