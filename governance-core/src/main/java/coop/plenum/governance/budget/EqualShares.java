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
        List<Ratio> fractionList = new ArrayList<>();
        int projectCount = this.projects.size();
        // ballots of the same class and power form a group: one fraction, and approvals counted per project, so
        // setting up costs a few int operations per approval, not a decimal sum
        Map<String, Map<BigDecimal, Integer>> groupOf = new HashMap<>();
        List<String> groupClass = new ArrayList<>();
        List<BigDecimal> groupPower = new ArrayList<>();
        List<Integer> groupFractionId = new ArrayList<>();
        List<int[]> groupApprovals = new ArrayList<>();
        int[][] support = new int[projectCount][8];
        int[] supportSize = new int[projectCount];
        for (int i = 0; i < n; i++) {
            BudgetBallot b = this.ballots.get(i);
            Map<BigDecimal, Integer> ofClass = groupOf.computeIfAbsent(b.classId(), k -> new HashMap<>());
            Integer g = ofClass.get(b.power());
            if (g == null) {
                BigDecimal classPower = participating.get(b.classId());
                Ratio f = totalWeight == 0 || classPower.signum() == 0 ? Ratio.ZERO
                        : Ratio.of(byId.get(b.classId()).weight(), totalWeight).times(Ratio.of(b.power(), classPower));
                Integer id = distinct.get(f);
                if (id == null) {
                    id = fractionList.size();
                    distinct.put(f, id);
                    fractionList.add(f);
                }
                g = groupClass.size();
                ofClass.put(b.power(), g);
                groupClass.add(b.classId());
                groupPower.add(b.power());
                groupFractionId.add(id);
                groupApprovals.add(new int[projectCount]);
            }
            int fractionId = groupFractionId.get(g);
            fractions[i] = fractionList.get(fractionId);
            fractionOf[i] = fractionId;
            int[] approvalsHere = groupApprovals.get(g);
            for (String projectId : b.approved()) {
                Integer p = index.get(projectId);
                if (p == null) {
                    throw new IllegalArgumentException(b.member() + " approves unknown project " + projectId);
                }
                if (supportSize[p] == support[p].length) {
                    support[p] = Arrays.copyOf(support[p], support[p].length * 2);
                }
                support[p][supportSize[p]++] = i;
                approvalsHere[p]++;
            }
        }
        Map<String, BigDecimal[]> approvedByClass = new HashMap<>();
        for (int g = 0; g < groupClass.size(); g++) {
            BigDecimal[] approvedHere = approvedByClass.computeIfAbsent(groupClass.get(g), k -> {
                BigDecimal[] zeros = new BigDecimal[projectCount];
                Arrays.fill(zeros, BigDecimal.ZERO);
                return zeros;
            });
            int[] counts = groupApprovals.get(g);
            for (int p = 0; p < projectCount; p++) {
                if (counts[p] > 0) {
                    approvedHere[p] = approvedHere[p].add(groupPower.get(g).multiply(BigDecimal.valueOf(counts[p])));
                }
            }
        }
        supporters = new int[this.projects.size()][];
        approval = new Ratio[this.projects.size()];
        fundable = new boolean[this.projects.size()];
        for (int p = 0; p < supporters.length; p++) {
            supporters[p] = Arrays.copyOf(support[p], supportSize[p]);
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
        Outcome best = new Run(real).outcome(null);
        int steps = 0;
        if (step != null && step.signum() > 0 && !ballots.isEmpty()) {
            Ratio raise = Ratio.of(step).times(Ratio.of(ballots.size(), 1));
            for (int k = 1; k <= MAX_COMPLETION_STEPS && !best.fundsAllFundable(); k++) {
                Ratio v = real.plus(raise.times(Ratio.of(k, 1)));
                // a run stops as soon as it overspends: spending only grows, and such an outcome is never taken
                Outcome next = new Run(v).outcome(real);
                if (next == null) {
                    break;
                }
                best = next;
                virtual = v;
                steps = k;
            }
        }
        List<Purchase> funded = new ArrayList<>();
        for (Bought b : best.bought()) {
            int[] sup = supporters[b.project()];
            Map<MemberId, Ratio> payments = new LinkedHashMap<>(sup.length * 4 / 3 + 1);
            Ratio[] paidByBalance = new Ratio[b.paidByBalance().length];
            for (int j = 0; j < sup.length; j++) {
                int id = b.balanceBefore()[j];
                Ratio paid = paidByBalance[id];
                if (paid == null) {
                    paid = new Ratio(b.paidByBalance()[id], b.den());
                    paidByBalance[id] = paid;
                }
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

    /**
     * A project's rho as last computed, in the {@code round} (purchases so far) it was computed in: {@code rho} as a
     * double with an absolute {@code error} bound, and, when computed exactly, {@code remaining / left} over the run's
     * denominator then, kept unreduced ({@code rho = remaining / scaledDen}, {@code scaledDen = den × left}) since
     * comparing two by cross-multiplication costs two multiplications where reducing each cost a gcd.
     */
    private record Candidate(int project, double rho, double error, BigInteger remaining, long left, BigInteger scaledDen,
                             int round) {

        boolean exact() {
            return remaining != null;
        }

        int compareExactly(Candidate other) {
            return remaining.multiply(other.scaledDen).compareTo(other.remaining.multiply(scaledDen));
        }
    }

    /**
     * One run of the method on one (virtual) budget. Every balance is an integer numerator over one common
     * denominator (made finer when a payment needs it), so comparing and subtracting balances needs no fractions;
     * members with equal balances share an id, so a rho costs one int operation per supporter and a few integer ones
     * per distinct balance. Making the denominator finer multiplies a balance by the factors since it was last read
     * only when it is next read ({@link #value}): most balances are not read again for several purchases, and many
     * never (their member's projects are bought or out of reach), so a purchase no longer costs every balance a
     * multiplication.
     */
    private final class Run {
        /** Balance id 0 is always 0: members who spent everything share it and are skipped when computing rho. */
        private static final int ZERO_ID = 0;
        /** A balance's double lies within this (relative) of the exact balance: far beyond its 10⁻¹⁵ rounding. */
        private static final double BALANCE_ERROR = 1e-12;
        /** What one double operation may add (relative), generously. */
        private static final double RELATIVE_ERROR = 1e-15;
        /** Below this a double may have lost precision (subnormal): compare exactly. */
        private static final double TINY = 1e-290;
        private final List<BigInteger> values = new ArrayList<>();
        /** The refinement each balance's stored value is expressed at: {@code values[id] / dens[versionOf[id]]}. */
        private int[] versionOf = new int[1024];
        /**
         * Each balance as a double (value / den, within a relative 10⁻¹⁵): it only ever sorts a balance clearly above
         * or clearly below an even split; a balance within 10⁻⁹ of it is compared exactly. So most supporters cost rho
         * no exact arithmetic at all, and the result is exactly that of comparing every balance exactly.
         */
        private double[] approx = new double[1024];
        private double denApprox;
        private int denExponent;
        private final List<BigInteger> factors = new ArrayList<>();
        /** The product of the factors since each version, computed when first needed after a refinement. */
        private BigInteger[] scaleSince = new BigInteger[64];
        private BigInteger den;
        private final int[] balance;
        private int[] counts = new int[16];
        private int[] memo = new int[16];
        private int[] touched = new int[16];
        private long gatheredLeft;

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
            denominatorChanged();
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
            int id = values.size() - 1;
            if (id >= versionOf.length) {
                versionOf = Arrays.copyOf(versionOf, versionOf.length * 2);
                approx = Arrays.copyOf(approx, approx.length * 2);
            }
            versionOf[id] = factors.size();
            approx[id] = approximately(value);
            return id;
        }

        /** {@code numerator / den} as a double, for any size of either (each is cut to its top 62 bits first). */
        private double approximately(BigInteger numerator) {
            int shift = Math.max(0, numerator.bitLength() - 62);
            double top = (shift == 0 ? numerator : numerator.shiftRight(shift)).doubleValue();
            return Math.scalb(top / denApprox, shift - denExponent);
        }

        private void denominatorChanged() {
            denExponent = Math.max(0, den.bitLength() - 62);
            denApprox = (denExponent == 0 ? den : den.shiftRight(denExponent)).doubleValue();
        }

        /** The balance's numerator over the current denominator, brought up to date if the denominator was refined. */
        private BigInteger value(int id) {
            BigInteger value = values.get(id);
            int version = versionOf[id];
            int now = factors.size();
            if (version != now) {
                value = value.multiply(scaleSince(version));
                values.set(id, value);
                versionOf[id] = now;
            }
            return value;
        }

        /** What a numerator stored at {@code version} is multiplied by to be over the current denominator. */
        private BigInteger scaleSince(int version) {
            BigInteger scale = scaleSince[version];
            if (scale == null) {
                scale = BigInteger.ONE;
                for (int k = version; k < factors.size(); k++) {
                    scale = scale.multiply(factors.get(k));
                }
                scaleSince[version] = scale;
            }
            return scale;
        }

        /** Multiplies the denominator by {@code factor}; every balance follows when it is next read. */
        private void refine(long factor) {
            BigInteger f = BigInteger.valueOf(factor);
            den = den.multiply(f);
            denominatorChanged();
            factors.add(f);
            if (scaleSince.length <= factors.size()) {
                scaleSince = Arrays.copyOf(scaleSince, scaleSince.length * 2);
            }
            Arrays.fill(scaleSince, 0, factors.size(), null);
        }

        /**
         * The run's outcome, or null as soon as its purchases cost more than {@code limit} (when given).
         * <p>
         * Projects wait in a priority queue under the rho last computed (a lower bound: balances only fall), in
         * doubles. The front, once computed in the current round, is the purchase unless another project's rho may
         * equal or undercut it within the doubles' error bounds: those few are computed afresh and exactly, and the
         * least exact rho (ties: higher approval score, then earlier project) is bought, exactly as if every rho
         * were computed exactly every round.
         */
        Outcome outcome(Ratio limit) {
            PriorityQueue<Candidate> queue = new PriorityQueue<>(queueOrder());
            double widestError = 0;
            for (int p = 0; p < projects.size(); p++) {
                Candidate c = rho(p, 0);
                if (c != null) {
                    queue.add(c);
                    widestError = Math.max(widestError, c.error());
                }
            }
            List<Bought> bought = new ArrayList<>();
            Ratio spent = Ratio.ZERO;
            int round = 0;
            boolean[] funded = new boolean[projects.size()];
            while (!queue.isEmpty()) {
                Candidate front = queue.poll();
                if (front.round() != round) {
                    Candidate again = rho(front.project(), round);
                    if (again != null) {
                        queue.add(again);
                        widestError = Math.max(widestError, again.error());
                    }
                    continue;
                }
                // everything that might cost no more per supporter than the front, computed afresh and exactly
                double reach = front.rho() + front.error();
                List<Candidate> close = new ArrayList<>(List.of(front));
                List<Candidate> notClose = new ArrayList<>();
                while (!queue.isEmpty() && queue.peek().rho() - widestError <= reach) {
                    Candidate q = queue.poll();
                    (q.rho() - q.error() <= reach ? close : notClose).add(q);
                }
                queue.addAll(notClose);
                Candidate cheapest = null;
                List<Candidate> fresh = new ArrayList<>();
                for (Candidate c : close) {
                    Candidate exact = c.exact() && c.round() == round ? c : exactRho(c.project(), round);
                    if (exact != null) {
                        fresh.add(exact);
                        if (cheapest == null || purchaseOrder(exact, cheapest) < 0) {
                            cheapest = exact;
                        }
                    }
                }
                if (cheapest == null) {
                    continue;
                }
                for (Candidate c : fresh) {
                    if (c != cheapest) {
                        queue.add(c);
                        widestError = Math.max(widestError, c.error());
                    }
                }
                bought.add(buy(cheapest));
                spent = spent.plus(Ratio.of(projects.get(cheapest.project()).cost()));
                if (limit != null && spent.isGreaterThan(limit)) {
                    return null;
                }
                funded[cheapest.project()] = true;
                round++;
            }
            boolean all = true;
            for (int p = 0; p < funded.length; p++) {
                all &= funded[p] || !fundable[p];
            }
            return new Outcome(bought, spent, all);
        }

        private Comparator<Candidate> queueOrder() {
            return Comparator.comparingDouble(Candidate::rho)
                    .thenComparing(Comparator.<Candidate, Ratio>comparing(c -> approval[c.project()]).reversed())
                    .thenComparingInt(Candidate::project);
        }

        /** The method's order between two exact, fresh candidates: the least rho, then the higher score, then the list. */
        private int purchaseOrder(Candidate a, Candidate b) {
            int byRho = a.compareExactly(b);
            if (byRho != 0) {
                return byRho;
            }
            int byScore = approval[b.project()].compareTo(approval[a.project()]);
            return byScore != 0 ? byScore : Integer.compare(a.project(), b.project());
        }

        /** Counts the project's supporters per balance id into counts/touched; returns the distinct ids. */
        private int gather(int project) {
            int[] sup = supporters[project];
            if (counts.length < values.size()) {
                counts = new int[Math.max(values.size(), counts.length * 2)];
            }
            int distinct = 0;
            long left = 0;
            for (int i : sup) {
                int id = balance[i];
                if (id != ZERO_ID) {
                    left++;
                    if (counts[id]++ == 0) {
                        if (distinct == touched.length) {
                            touched = Arrays.copyOf(touched, touched.length * 2);
                        }
                        touched[distinct++] = id;
                    }
                }
            }
            gatheredLeft = left;
            return distinct;
        }

        private void clearCounts(int project) {
            for (int i : supporters[project]) {
                counts[balance[i]] = 0;
            }
        }

        /**
         * The project's rho in doubles with an error bound, or null when the supporters cannot afford it; computed
         * exactly instead ({@link #exactRho}) as soon as a balance lies too close to the split to be placed for sure.
         * A balance below the split pays everything it has; a double is trusted only when it and the split, each
         * widened by its error bound, do not overlap, so the supporters paying everything are exactly those the exact
         * computation finds.
         */
        private Candidate rho(int project, int round) {
            int paying = gather(project);
            long left = gatheredLeft;
            double remaining = projects.get(project).cost().doubleValue();
            double error = remaining * RELATIVE_ERROR;
            while (left > 0) {
                double split = remaining / left;
                double splitError = error / left + split * RELATIVE_ERROR;
                double low = split - splitError;
                double high = split + splitError;
                if (!(low > TINY)) {
                    clearCounts(project);
                    return exactRho(project, round);
                }
                int enough = 0;
                for (int k = 0; k < paying; k++) {
                    int id = touched[k];
                    double a = approx[id];
                    double aError = a * BALANCE_ERROR;
                    if (a > TINY && a + aError < low) {
                        int n = counts[id];
                        remaining -= a * n;
                        error += (aError + a * RELATIVE_ERROR) * n + Math.abs(remaining) * RELATIVE_ERROR;
                        left -= n;
                    } else if (a - aError >= high) {
                        touched[enough++] = id;
                    } else {
                        clearCounts(project);
                        return exactRho(project, round);
                    }
                }
                if (enough == paying) {
                    clearCounts(project);
                    double rho = remaining / left;
                    return new Candidate(project, rho, error / left + rho * RELATIVE_ERROR, null, left, null, round);
                }
                paying = enough;
            }
            clearCounts(project);
            return null;
        }

        /**
         * The least per-supporter payment that covers the cost, exactly, or null when the supporters cannot afford it:
         * going up through the supporters' balances, those below an even split of what is still to pay pay everything.
         */
        private Candidate exactRho(int project, int round) {
            int distinct = gather(project);
            long left = gatheredLeft;
            BigDecimal cost = projects.get(project).cost();
            BigInteger remaining = new BigDecimal(den).multiply(cost).toBigIntegerExact();
            // Those with less than an even split of what is left to pay pay everything they have; the split of the
            // rest can only rise, so repeat until everyone left has at least the split (or nobody is left). The ids
            // still in the running are kept at the front of touched[0, paying).
            int paying = distinct;
            Candidate found = null;
            while (left > 0) {
                // value < remaining / left  ⟺  value < ⌊(remaining − 1) / left⌋ + 1, for integers
                BigInteger below = remaining.subtract(BigInteger.ONE).divide(BigInteger.valueOf(left)).add(BigInteger.ONE);
                // a balance whose double lies clearly above the split keeps its stored value (no catching up)
                double high = approximately(below) * (1 + RELATIVE_ERROR);
                int enough = 0;
                for (int k = 0; k < paying; k++) {
                    int id = touched[k];
                    double a = approx[id];
                    if (a > TINY && a * (1 - BALANCE_ERROR) > high) {
                        touched[enough++] = id;
                        continue;
                    }
                    BigInteger value = value(id);
                    if (value.compareTo(below) < 0) {
                        int n = counts[id];
                        remaining = remaining.subtract(n == 1 ? value : value.multiply(BigInteger.valueOf(n)));
                        left -= n;
                    } else {
                        touched[enough++] = id;
                    }
                }
                if (enough == paying) {
                    double rho = approximately(remaining) / left;
                    found = new Candidate(project, rho, rho * RELATIVE_ERROR, remaining, left,
                            den.multiply(BigInteger.valueOf(left)), round);
                    break;
                }
                paying = enough;
            }
            clearCounts(project);
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
            Arrays.fill(memo, 0, values.size(), -1);
            for (int j = 0; j < sup.length; j++) {
                int had = balance[sup[j]];
                before[j] = had;
                if (memo[had] < 0) {
                    // only balances from before this purchase are looked up here, so memo is big enough
                    BigInteger value = value(had);
                    paid[had] = value.min(rho);
                    memo[had] = intern(value.subtract(paid[had]));
                }
                balance[sup[j]] = memo[had];
            }
            return new Bought(c.project(), new Ratio(c.remaining(), c.scaledDen()), before, paid, den);
        }
    }
}
