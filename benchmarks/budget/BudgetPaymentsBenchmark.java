import coop.plenum.governance.budget.BudgetBallot;
import coop.plenum.governance.budget.BudgetProject;
import coop.plenum.governance.budget.BudgetResult;
import coop.plenum.governance.budget.EqualShares;
import coop.plenum.governance.budget.MemberPayments;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Issue 15, what each supporter paid: the BudgetBenchmark's vote (100 projects, 100,000 voters, same seed) counted
 * once, then (1) the heap a kept run holds (the BudgetResult and the electorate's sorted member ids, as
 * KeptBudgetRuns keeps them), measured as the used heap after full collections with and without it, and (2) the time
 * of one {@code paymentsOf} lookup in it, the median of batches over random members. Run with a fixed heap so the
 * collections settle:
 *
 * <pre>
 * ./mvnw -q -o -pl governance-core -am compile
 * java -Xms1g -Xmx1g -cp ledger/target/classes:governance-core/target/classes benchmarks/budget/BudgetPaymentsBenchmark.java
 * </pre>
 * Options: --projects 100  --voters 100000  --budget 1000000  --step 1  --seed 42  --lookups 200000
 */
public class BudgetPaymentsBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int projectCount = Integer.parseInt(o.getOrDefault("projects", "100"));
        int voters = Integer.parseInt(o.getOrDefault("voters", "100000"));
        BigDecimal budget = new BigDecimal(o.getOrDefault("budget", "1000000"));
        BigDecimal step = new BigDecimal(o.getOrDefault("step", "1"));
        int lookups = Integer.parseInt(o.getOrDefault("lookups", "200000"));
        Random random = new Random(Long.parseLong(o.getOrDefault("seed", "42")));

        List<StakeholderClass> classes = List.of(new StakeholderClass("workers", "Workers", 50, 10),
                new StakeholderClass("users", "Users", 30, 10), new StakeholderClass("investors", "Investors", 20, 10));
        List<BudgetProject> projects = new ArrayList<>();
        double[] popularity = new double[projectCount];
        double sum = 0;
        for (int p = 0; p < projectCount; p++) {
            projects.add(new BudgetProject("p" + p, BigDecimal.valueOf(5_000 + 1_000L * random.nextInt(96))));
            popularity[p] = 1.0 / (1 + p / 5.0);
            sum += popularity[p];
        }
        String[] powers = {"1", "1", "1.5", "2.25"};
        List<BudgetBallot> ballots = new ArrayList<>();
        long approvals = 0;
        for (int v = 0; v < voters; v++) {
            int count = 1 + random.nextInt(10);
            Set<String> approved = new HashSet<>();
            while (approved.size() < count) {
                // a benchmark's input, so doubles are fine here; the count itself never uses them
                double x = random.nextDouble() * sum;
                int p = 0;
                while (p < projectCount - 1 && (x -= popularity[p]) > 0) {
                    p++;
                }
                approved.add("p" + p);
            }
            approvals += count;
            String classId = classes.get(random.nextInt(3)).id();
            ballots.add(new BudgetBallot(new MemberId("m" + v), classId, new BigDecimal(powers[random.nextInt(4)]), approved));
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long before = usedAfterGc();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        BudgetResult result = EqualShares.count(budget, projects, classes, ballots, step);
        System.out.printf("count of %d voters, %d projects: %d ms, %d ms CPU; funded %d%n", voters, projectCount,
                (System.nanoTime() - t0) / 1_000_000, (threads.getCurrentThreadCpuTime() - c0) / 1_000_000, result.funded().size());
        String[] electorate = ballots.stream().map(b -> b.member().value()).sorted().toArray(String[]::new);
        // the ballots are the request's input, not kept: let them go, keep only what KeptBudgetRuns keeps
        // fresh copies: the run alone holds its member ids, as it does once the request's ballots are gone
        List<MemberId> members = ballots.stream().map(b -> new MemberId(new String(b.member().value()))).toList();
        ballots = null;
        long payments = 0;
        int batches = 6;
        int perBatch = Math.max(1, lookups / batches);
        long[] perLookupNs = new long[batches];
        long[] perLookupCpuNs = new long[batches];
        Random pick = new Random(7);
        for (int b = 0; b < batches; b++) {
            long s = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perBatch; i++) {
                MemberId m = members.get(pick.nextInt(members.size()));
                boolean in = Arrays.binarySearch(electorate, m.value()) >= 0;
                MemberPayments p = result.paymentsOf(m);
                payments += p.payments().size() + (in ? 1 : 0);
            }
            perLookupNs[b] = (System.nanoTime() - s) / perBatch;
            perLookupCpuNs[b] = (threads.getCurrentThreadCpuTime() - c) / perBatch;
        }
        // the first batch warms the JIT up: the median of the others
        long[] wall = Arrays.copyOfRange(perLookupNs, 1, batches);
        long[] cpu = Arrays.copyOfRange(perLookupCpuNs, 1, batches);
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("one payment lookup (electorate check + paymentsOf) in a kept run: median %d ns wall, %d ns CPU "
                + "over %d batches of %d after one warm-up batch (%d payments seen)%n", wall[wall.length / 2], cpu[cpu.length / 2],
                batches - 1, perBatch, payments);
        long kept = usedAfterGc();
        // a compiled main may treat a local as dead after its last use: keep the run reachable through the measurement
        java.lang.ref.Reference.reachabilityFence(result);
        java.lang.ref.Reference.reachabilityFence(electorate);
        result = null;
        electorate = null;
        long dropped = usedAfterGc();
        System.out.printf("heap held by a kept run (BudgetResult + sorted electorate ids): %.1f MB%n", (kept - dropped) / 1e6);
        System.out.printf("load average %.2f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
