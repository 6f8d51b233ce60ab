package coop.plenum.governance.budget;

import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.Ratio;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * SPEC "Voting methods", BUDGET: the Method of Equal Shares (Peters and Skowron; equalshares.net) for approval
 * ballots, with class-weighted shares and add-one completion, all exact ({@link Ratio}). docs/tally.md ("BUDGET")
 * states the rules; in short:
 * <ol>
 *   <li>Each participating member's share is {@code B × (w_c / Σ w) × power / P_c}, where {@code P_c} is the power of
 *   the class's members who cast a ballot; classes with {@code P_c = 0} drop out of {@code Σ w}.</li>
 *   <li>A project is affordable when its supporters have at least its cost left between them. Its {@code rho} is the
 *   least per-supporter payment that covers the cost with each supporter paying {@code min(rho, what they have
 *   left)}. The affordable project with the least {@code rho} is bought (ties: the higher approval score S, then
 *   the earlier project in the proposal's list), its supporters pay, and the step repeats until nothing is
 *   affordable.</li>
 *   <li>Add-one completion: the shares are raised uniformly, by running the method again on the virtual budget
 *   {@code B + k × step × N} (N participating members; with one class and equal power every share grows by
 *   {@code step}), k = 1, 2, …; the outcome of the last k whose projects still cost at most the real budget
 *   {@code B} is the result. It stops at the first k whose outcome costs more than B, or once every project with
 *   support is funded, or after {@value #MAX_COMPLETION_STEPS} raises.</li>
 * </ol>
 * The greedy comparison funds projects in order of approval score S (as SPEC's APPROVAL defines it: class shares,
 * weighted), ties by the proposal's list, each one that still fits the budget.
 * <p>
 * A member's balance only ever falls, so a project's {@code rho} only ever rises: projects are kept in a priority
 * queue by the {@code rho} last computed and only the front one is recomputed (lazy evaluation, the usual trick).
 * Members known to hold equal balances (same starting share, same payments since) share a balance id, so computing
 * a {@code rho} costs the supporters' count in int operations plus the balance ids in exact ones.
 */
public final class EqualShares {

    /** A safety net on the add-one completion. */
    public static final int MAX_COMPLETION_STEPS = 1_000;

    private final BigDecimal budget;
    private final List<BudgetProject> projects;
    private final List<BudgetBallot> ballots;
    private final int[][] supporters;
    private final Ratio[] fractions;
    private final int[] fractionOf;
    private final Ratio[] approval;
    private final boolean[] fundable;

    private EqualShares(BigDecimal budget, List<BudgetProject> projects, List<StakeholderClass> classes,
                        List<BudgetBallot> ballots) {
        if (budget.signum() < 0) {
            throw new IllegalArgumentException("the budget is never negative: " + budget);
        }
        this.budget = budget;
        this.projects = List.copyOf(projects);
        this.ballots = List.copyOf(ballots);
        Map<String, Integer> index = new HashMap<>();
        for (BudgetProject p : this.projects) {
            if (index.put(p.id(), index.size()) != null) {
                throw new IllegalArgumentException("project " + p.id() + " appears twice");
            }
        }
        Map<String, StakeholderClass> byId = new LinkedHashMap<>();
        classes.forEach(c -> byId.put(c.id(), c));
        Map<String, BigDecimal> participating = new HashMap<>();
        Set<MemberId> seen = new HashSet<>();
        for (BudgetBallot b : this.ballots) {
            if (!byId.containsKey(b.classId())) {
                throw new IllegalArgumentException(b.member() + " is in unknown class " + b.classId());
            }
            if (!seen.add(b.member())) {
                throw new IllegalArgumentException(b.member() + " has two ballots");
            }
            participating.merge(b.classId(), b.power(), BigDecimal::add);
        }
        long totalWeight = 0;
        for (Map.Entry<String, BigDecimal> p : participating.entrySet()) {
            if (p.getValue().signum() > 0) {
                totalWeight += byId.get(p.getKey()).weight();
            }
        }
        // each ballot's fraction of the budget; equal fractions share an id, so a run computes each share once
        int n = this.ballots.size();
        fractions = new Ratio[n];
        fractionOf = new int[n];
        Map<Ratio, Integer> distinct = new HashMap<>();
        Map<String, Ratio> sameFraction = new HashMap<>();
        List<Ratio> fractionList = new ArrayList<>();
        Ratio[][] approvedPower = new Ratio[this.projects.size()][];
        List<List<Integer>> support = new ArrayList<>();
        this.projects.forEach(p -> support.add(new ArrayList<>()));
        Map<String, BigDecimal[]> approvedByClass = new HashMap<>();
        for (int i = 0; i < n; i++) {
            BudgetBallot b = this.ballots.get(i);
            BigDecimal classPower = participating.get(b.classId());
            int weight = byId.get(b.classId()).weight();
            long w = totalWeight;
            Ratio f = totalWeight == 0 || classPower.signum() == 0 ? Ratio.ZERO
                    : sameFraction.computeIfAbsent(b.classId() + " " + b.power().stripTrailingZeros().toPlainString(),
                            k -> Ratio.of(weight, w).times(Ratio.of(b.power(), classPower)));
            fractions[i] = f;
            Integer id = distinct.get(f);
            if (id == null) {
                id = fractionList.size();
                distinct.put(f, id);
                fractionList.add(f);
            }
            fractionOf[i] = id;
            BigDecimal[] approvedHere = approvedByClass.computeIfAbsent(b.classId(), k -> {
                BigDecimal[] zeros = new BigDecimal[this.projects.size()];
                Arrays.fill(zeros, BigDecimal.ZERO);
                return zeros;
            });
            for (String projectId : b.approved()) {
                Integer p = index.get(projectId);
                if (p == null) {
                    throw new IllegalArgumentException(b.member() + " approves unknown project " + projectId);
                }
                support.get(p).add(i);
                approvedHere[p] = approvedHere[p].add(b.power());
            }
        }
        supporters = new int[this.projects.size()][];
        approval = new Ratio[this.projects.size()];
        fundable = new boolean[this.projects.size()];
        for (int p = 0; p < supporters.length; p++) {
            supporters[p] = support.get(p).stream().mapToInt(Integer::intValue).toArray();
            Ratio s = Ratio.ZERO;
            for (Map.Entry<String, BigDecimal[]> c : approvedByClass.entrySet()) {
                BigDecimal classPower = participating.get(c.getKey());
                if (totalWeight > 0 && classPower.signum() > 0) {
                    s = s.plus(Ratio.of(byId.get(c.getKey()).weight(), totalWeight)
                            .times(Ratio.of(c.getValue()[p], classPower)));
                }
            }
            approval[p] = s;
            // a project costing more than the real budget is never in a feasible outcome
            if (this.projects.get(p).cost().compareTo(budget) <= 0) {
                for (int i : supporters[p]) {
                    if (fractions[i].signum() > 0) {
                        fundable[p] = true;
                        break;
                    }
                }
            }
        }
        this.distinctFractions = fractionList.toArray(new Ratio[0]);
    }

    private final Ratio[] distinctFractions;

    /**
     * Counts a BUDGET vote. {@code ballots} are the participating members' (one each); {@code completionStep} is the
     * add-one raise per member (one unit of the currency in Plenum; 0 or null: no completion).
     */
    public static BudgetResult count(BigDecimal budget, List<BudgetProject> projects, List<StakeholderClass> classes,
                                     List<BudgetBallot> ballots, BigDecimal completionStep) {
        return new EqualShares(budget, projects, classes, ballots).run(completionStep);
    }

    private BudgetResult run(BigDecimal step) {
        Ratio real = Ratio.of(budget);
        Ratio virtual = real;
        Outcome best = new Run(real).outcome();
        int steps = 0;
        if (step != null && step.signum() > 0 && !ballots.isEmpty()) {
            Ratio raise = Ratio.of(step).times(Ratio.of(ballots.size(), 1));
            for (int k = 1; k <= MAX_COMPLETION_STEPS && !best.fundsAllFundable(); k++) {
                Ratio v = real.plus(raise.times(Ratio.of(k, 1)));
                Outcome next = new Run(v).outcome();
                if (next.spent().isGreaterThan(real)) {
                    break;
                }
                best = next;
                virtual = v;
                steps = k;
            }
        }
        List<Purchase> funded = new ArrayList<>();
        for (Bought b : best.bought()) {
            Map<MemberId, Ratio> payments = new LinkedHashMap<>();
            Map<Integer, Ratio> paidByBalance = new HashMap<>();
            int[] sup = supporters[b.project()];
            for (int j = 0; j < sup.length; j++) {
                Ratio paid = paidByBalance.computeIfAbsent(b.balanceBefore()[j],
                        id -> new Ratio(b.paidByBalance()[id], b.den()));
                if (paid.signum() > 0) {
                    payments.put(ballots.get(sup[j]).member(), paid);
                }
            }
            funded.add(new Purchase(projects.get(b.project()).id(), projects.get(b.project()).cost(), b.rho(), payments));
        }
        Map<MemberId, Ratio> shares = new LinkedHashMap<>();
        Ratio[] shareOf = new Ratio[distinctFractions.length];
        for (int i = 0; i < ballots.size(); i++) {
            int f = fractionOf[i];
            if (shareOf[f] == null) {
                shareOf[f] = virtual.times(distinctFractions[f]);
            }
            shares.put(ballots.get(i).member(), shareOf[f]);
        }
        Map<String, Ratio> scores = new LinkedHashMap<>();
        for (int p = 0; p < projects.size(); p++) {
            scores.put(projects.get(p).id(), approval[p]);
        }
        List<String> greedy = new ArrayList<>();
        Ratio greedySpent = Ratio.ZERO;
        Integer[] order = new Integer[projects.size()];
        for (int p = 0; p < order.length; p++) {
            order[p] = p;
        }
        Arrays.sort(order, Comparator.<Integer, Ratio>comparing(p -> approval[p]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int p : order) {
            Ratio after = greedySpent.plus(Ratio.of(projects.get(p).cost()));
            if (approval[p].signum() > 0 && !after.isGreaterThan(real)) {
                greedy.add(projects.get(p).id());
                greedySpent = after;
            }
        }
        return new BudgetResult(budget, virtual, steps, funded, best.spent(), real.minus(best.spent()), shares, scores,
                greedy, greedySpent);
    }

    /** A purchase in one run: what each supporter paid, as numerators over that moment's common denominator. */
    private record Bought(int project, Ratio rho, int[] balanceBefore, BigInteger[] paidByBalance, BigInteger den) {
    }

    private record Outcome(List<Bought> bought, Ratio spent, boolean fundsAllFundable) {
    }

    /** A project's rho as last computed: exact, and as {@code remaining / left} over the run's denominator then. */
    private record Candidate(int project, Ratio rho, BigInteger remaining, long left, int round) {
    }

    /**
     * One run of the method on one (virtual) budget. Every balance is an integer numerator over one common
     * denominator (raised when a payment needs a finer one), so comparing and subtracting balances needs no
     * fractions; members with equal balances share an id, so a rho costs one int operation per supporter and a few
     * integer ones per distinct balance.
     */
    private final class Run {
        /** Balance id 0 is always 0: members who spent everything share it and are skipped when computing rho. */
        private static final int ZERO_ID = 0;
        private final List<BigInteger> values = new ArrayList<>();
        private BigInteger den;
        private final int[] balance;
        private int[] counts = new int[16];
        private int[] memo = new int[16];

        Run(Ratio virtualBudget) {
            values.add(BigInteger.ZERO);
            Ratio[] shares = new Ratio[distinctFractions.length];
            den = BigInteger.ONE;
            for (int f = 0; f < shares.length; f++) {
                shares[f] = virtualBudget.times(distinctFractions[f]);
                BigInteger d = shares[f].denominator();
                den = den.divide(den.gcd(d)).multiply(d);
            }
            // a cost in cents (250.50) must be a whole number of units too: rho starts from the cost over den
            for (BudgetProject p : projects) {
                BigInteger d = Ratio.of(p.cost()).denominator();
                den = den.divide(den.gcd(d)).multiply(d);
            }
            int[] idOfFraction = new int[shares.length];
            for (int f = 0; f < shares.length; f++) {
                idOfFraction[f] = intern(shares[f].numerator().multiply(den.divide(shares[f].denominator())));
            }
            balance = new int[ballots.size()];
            for (int i = 0; i < balance.length; i++) {
                balance[i] = idOfFraction[fractionOf[i]];
            }
        }

        /**
         * A new balance id. Equal balances need not share an id (sharing only saves work): ids are shared where the
         * values are known to be equal, members who started with equal shares and paid the same.
         */
        private int intern(BigInteger value) {
            if (value.signum() == 0) {
                return ZERO_ID;
            }
            values.add(value);
            return values.size() - 1;
        }

        /**
         * Multiplies every balance and the denominator by {@code factor}, keeping only the balances someone still
         * holds (renumbered), so the work stays proportional to the balances in use.
         */
        private void refine(long factor) {
            BigInteger f = BigInteger.valueOf(factor);
            den = den.multiply(f);
            int[] renumber = new int[values.size()];
            Arrays.fill(renumber, -1);
            renumber[ZERO_ID] = ZERO_ID;
            List<BigInteger> live = new ArrayList<>(List.of(BigInteger.ZERO));
            for (int i = 0; i < balance.length; i++) {
                int id = balance[i];
                if (renumber[id] < 0) {
                    renumber[id] = live.size();
                    live.add(values.get(id).multiply(f));
                }
                balance[i] = renumber[id];
            }
            values.clear();
            values.addAll(live);
        }

        Outcome outcome() {
            PriorityQueue<Candidate> queue = new PriorityQueue<>(Comparator.<Candidate, Ratio>comparing(Candidate::rho)
                    .thenComparing(Comparator.<Candidate, Ratio>comparing(c -> approval[c.project()]).reversed())
                    .thenComparingInt(Candidate::project));
            for (int p = 0; p < projects.size(); p++) {
                Candidate c = rho(p, 0);
                if (c != null) {
                    queue.add(c);
                }
            }
            List<Bought> bought = new ArrayList<>();
            Ratio spent = Ratio.ZERO;
            int round = 0;
            boolean[] funded = new boolean[projects.size()];
            while (!queue.isEmpty()) {
                Candidate front = queue.poll();
                if (front.round() == round) {
                    bought.add(buy(front));
                    spent = spent.plus(Ratio.of(projects.get(front.project()).cost()));
                    funded[front.project()] = true;
                    round++;
                } else {
                    Candidate again = rho(front.project(), round);
                    if (again != null) {
                        queue.add(again);
                    }
                }
            }
            boolean all = true;
            for (int p = 0; p < funded.length; p++) {
                all &= funded[p] || !fundable[p];
            }
            return new Outcome(bought, spent, all);
        }

        /**
         * The least per-supporter payment that covers the cost, or null when the supporters cannot afford it: going
         * up through the supporters' balances, those below an even split of what is still to pay pay everything.
         */
        private Candidate rho(int project, int round) {
            int[] sup = supporters[project];
            if (counts.length < values.size()) {
                counts = new int[Math.max(values.size(), counts.length * 2)];
            }
            List<Integer> touched = new ArrayList<>();
            long left = 0;
            for (int i : sup) {
                int id = balance[i];
                if (id != ZERO_ID) {
                    left++;
                    if (counts[id]++ == 0) {
                        touched.add(id);
                    }
                }
            }
            BigDecimal cost = projects.get(project).cost();
            BigInteger remaining = new BigDecimal(den).multiply(cost).toBigIntegerExact();
            // Those with less than an even split of what is left to pay pay everything they have; the split of the
            // rest can only rise, so repeat until everyone left has at least the split (or nobody is left).
            List<Integer> paying = touched;
            Candidate found = null;
            while (left > 0) {
                // value < remaining / left  ⟺  value < ⌊(remaining − 1) / left⌋ + 1, for integers
                BigInteger below = remaining.subtract(BigInteger.ONE).divide(BigInteger.valueOf(left)).add(BigInteger.ONE);
                List<Integer> enough = new ArrayList<>(paying.size());
                for (int id : paying) {
                    BigInteger value = values.get(id);
                    if (value.compareTo(below) < 0) {
                        remaining = remaining.subtract(value.multiply(BigInteger.valueOf(counts[id])));
                        left -= counts[id];
                    } else {
                        enough.add(id);
                    }
                }
                if (enough.size() == paying.size()) {
                    found = new Candidate(project, new Ratio(remaining, den.multiply(BigInteger.valueOf(left))),
                            remaining, left, round);
                    break;
                }
                paying = enough;
            }
            for (int id : touched) {
                counts[id] = 0;
            }
            return found;
        }

        private Bought buy(Candidate c) {
            // rho = remaining / left over den; make den fine enough for it, by the least factor that does
            BigInteger left = BigInteger.valueOf(c.left());
            BigInteger g = c.remaining().gcd(left);
            BigInteger factor = left.divide(g);
            if (!factor.equals(BigInteger.ONE)) {
                refine(factor.longValueExact());
            }
            BigInteger rho = c.remaining().divide(g);
            int[] sup = supporters[c.project()];
            int[] before = new int[sup.length];
            BigInteger[] paid = new BigInteger[values.size()];
            if (memo.length < values.size()) {
                memo = new int[Math.max(values.size(), memo.length * 2)];
            }
            Arrays.fill(memo, -1);
            for (int j = 0; j < sup.length; j++) {
                int had = balance[sup[j]];
                before[j] = had;
                if (memo[had] < 0) {
                    // only balances from before this purchase are looked up here, so memo is big enough
                    BigInteger value = values.get(had);
                    paid[had] = value.min(rho);
                    memo[had] = intern(value.subtract(paid[had]));
                }
                balance[sup[j]] = memo[had];
            }
            return new Bought(c.project(), c.rho(), before, paid, den);
        }
    }
}
