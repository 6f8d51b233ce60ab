package coop.plenum.governance.budget;

import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.Ratio;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Method of Equal Shares against a naive reference of the test's own (one class, equal power: every member's
 * share B/N, every round recomputes every project's rho from scratch, add-one by +1 per member), plus what must hold
 * whatever the input: the budget is never exceeded, a project's payments sum to its cost, nobody pays more than
 * their share; and proportionality on constructed cases.
 */
class EqualSharesPropertiesTest {

    record Instance(BigDecimal budget, List<BudgetProject> projects, List<StakeholderClass> classes,
                    List<BudgetBallot> ballots) {
        BudgetResult count(BigDecimal step) {
            return EqualShares.count(budget, projects, classes, ballots, step);
        }
    }

    @Provide
    Arbitrary<Instance> oneClassEqualPower() {
        return Arbitraries.longs().map(seed -> random(new Random(seed), false));
    }

    @Provide
    Arbitrary<Instance> anyInstance() {
        return Arbitraries.longs().map(seed -> random(new Random(seed), true));
    }

    static Instance random(Random random, boolean classesAndPowers) {
        int projectCount = 1 + random.nextInt(6);
        List<BudgetProject> projects = new ArrayList<>();
        for (int p = 0; p < projectCount; p++) {
            projects.add(new BudgetProject("p" + p, BigDecimal.valueOf(1 + random.nextInt(60))));
        }
        List<StakeholderClass> classes = classesAndPowers
                ? List.of(new StakeholderClass("a", "A", random.nextInt(4) == 0 ? 0 : random.nextInt(101), 0),
                        new StakeholderClass("b", "B", random.nextInt(101), 0))
                : List.of(new StakeholderClass("a", "A", 100, 0));
        String[] powers = {"1", "1", "2.5", "0", "0.000001", "7.123456"};
        List<BudgetBallot> ballots = new ArrayList<>();
        int voters = random.nextInt(9);
        for (int i = 0; i < voters; i++) {
            Set<String> approved = new HashSet<>();
            for (BudgetProject p : projects) {
                if (random.nextInt(3) == 0) {
                    approved.add(p.id());
                }
            }
            String classId = classesAndPowers && random.nextBoolean() ? "b" : "a";
            BigDecimal power = classesAndPowers ? new BigDecimal(powers[random.nextInt(powers.length)]) : BigDecimal.ONE;
            ballots.add(new BudgetBallot(new MemberId("m" + i), classId, power, approved));
        }
        return new Instance(BigDecimal.valueOf(random.nextInt(150)), projects, classes, ballots);
    }

    @Property(tries = 2000)
    void withOneClassAndEqualPowerItIsTheReferenceMethodOfEqualShares(@ForAll("oneClassEqualPower") Instance i) {
        BudgetResult plain = i.count(null);
        BudgetResult completed = i.count(BigDecimal.ONE);

        assertThat(plain.fundedIds()).isEqualTo(Reference.mes(i, Ratio.of(i.budget())));
        assertThat(completed.fundedIds()).isEqualTo(Reference.addOne(i));
        Statistics.label("completion changed the outcome").collect(!plain.fundedIds().equals(completed.fundedIds()));
    }

    @Property(tries = 600)
    void neverMoreThanTheBudgetAndEveryPaymentAddsUp(@ForAll("anyInstance") Instance i) {
        BudgetResult result = i.count(BigDecimal.ONE);
        Ratio budget = Ratio.of(i.budget());

        assertThat(result.spent().isGreaterThan(budget)).isFalse();
        assertThat(result.leftover()).isEqualTo(budget.minus(result.spent()));
        assertThat(result.greedySpent().isGreaterThan(budget)).isFalse();
        Map<MemberId, Ratio> paid = new HashMap<>();
        for (Purchase p : result.funded()) {
            Ratio sum = p.payments().values().stream().reduce(Ratio.ZERO, Ratio::plus);
            assertThat(sum).isEqualTo(Ratio.of(p.cost()));
            p.payments().forEach((m, x) -> {
                assertThat(x.isGreaterThan(p.rho())).isFalse();
                paid.merge(m, x, Ratio::plus);
            });
        }
        paid.forEach((m, x) -> assertThat(x.isGreaterThan(result.shares().get(m))).isFalse());
        Statistics.label("funded").collect(result.funded().size());
    }

    /**
     * Two groups: x of N members approve only their group's projects, the others only theirs; every project costs c.
     * Each group can pay for ⌊its money / c⌋ of its 12 projects, so with the budget B it gets at least
     * min(x/N × B, 12c) − c.
     */
    @Property(tries = 500)
    void aGroupApprovingOnlyItsOwnProjectsGetsItsShareOfTheBudget(@ForAll @IntRange(min = 1, max = 19) int x,
                                                                   @ForAll @IntRange(min = 1, max = 40) int cost,
                                                                   @ForAll @IntRange(min = 0, max = 400) int budget) {
        int n = 20;
        List<BudgetProject> projects = new ArrayList<>();
        Set<String> mine = new HashSet<>();
        Set<String> theirs = new HashSet<>();
        for (int p = 0; p < 12; p++) {
            projects.add(new BudgetProject("mine" + p, BigDecimal.valueOf(cost)));
            projects.add(new BudgetProject("theirs" + p, BigDecimal.valueOf(cost)));
            mine.add("mine" + p);
            theirs.add("theirs" + p);
        }
        List<BudgetBallot> ballots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ballots.add(new BudgetBallot(new MemberId("m" + i), "a", BigDecimal.ONE, i < x ? mine : theirs));
        }
        BudgetResult result = EqualShares.count(BigDecimal.valueOf(budget), projects,
                List.of(new StakeholderClass("a", "A", 100, 0)), ballots, BigDecimal.ONE);

        long mineFunded = result.fundedIds().stream().filter(mine::contains).count();
        long theirsFunded = result.fundedIds().size() - mineFunded;
        Ratio c = Ratio.of(cost, 1);
        Ratio b = Ratio.of(budget, 1);
        Ratio all = Ratio.of(12L * cost, 1);
        Ratio myShare = b.times(Ratio.of(x, n));
        Ratio theirShare = b.times(Ratio.of(n - x, n));
        assertThat(Ratio.of(mineFunded * cost, 1).plus(c).isAtLeast(myShare.compareTo(all) < 0 ? myShare : all)).isTrue();
        assertThat(Ratio.of(theirsFunded * cost, 1).plus(c).isAtLeast(theirShare.compareTo(all) < 0 ? theirShare : all)).isTrue();
    }

    /** A naive Method of Equal Shares for one class of equal power, written for this test only. */
    static final class Reference {

        static List<String> addOne(Instance i) {
            Ratio budget = Ratio.of(i.budget());
            List<String> best = mes(i, budget);
            int n = i.ballots().size();
            for (int k = 1; n > 0 && k <= EqualShares.MAX_COMPLETION_STEPS; k++) {
                if (allFundable(i, best)) {
                    break;
                }
                List<String> next = mes(i, budget.plus(Ratio.of((long) k * n, 1)));
                if (cost(i, next).isGreaterThan(budget)) {
                    break;
                }
                best = next;
            }
            return best;
        }

        static List<String> mes(Instance i, Ratio virtualBudget) {
            int n = i.ballots().size();
            List<String> funded = new ArrayList<>();
            if (n == 0) {
                return funded;
            }
            Map<MemberId, Ratio> money = new HashMap<>();
            i.ballots().forEach(b -> money.put(b.member(), virtualBudget.dividedBy(Ratio.of(n, 1))));
            while (true) {
                String bestProject = null;
                Ratio bestRho = null;
                int bestSupport = -1;
                for (BudgetProject p : i.projects()) {
                    if (funded.contains(p.id())) {
                        continue;
                    }
                    List<Ratio> have = new ArrayList<>();
                    for (BudgetBallot b : i.ballots()) {
                        if (b.approved().contains(p.id())) {
                            have.add(money.get(b.member()));
                        }
                    }
                    Ratio rho = rho(have, Ratio.of(p.cost()));
                    if (rho != null && (bestRho == null || rho.compareTo(bestRho) < 0
                            || (rho.compareTo(bestRho) == 0 && have.size() > bestSupport))) {
                        bestProject = p.id();
                        bestRho = rho;
                        bestSupport = have.size();
                    }
                }
                if (bestProject == null) {
                    return funded;
                }
                funded.add(bestProject);
                for (BudgetBallot b : i.ballots()) {
                    if (b.approved().contains(bestProject)) {
                        Ratio m = money.get(b.member());
                        money.put(b.member(), m.minus(m.compareTo(bestRho) < 0 ? m : bestRho));
                    }
                }
            }
        }

        /** Tries every supporter's money as the cap: the least rho with Σ min(money, rho) = cost. */
        private static Ratio rho(List<Ratio> have, Ratio cost) {
            Ratio all = have.stream().reduce(Ratio.ZERO, Ratio::plus);
            if (have.isEmpty() || all.compareTo(cost) < 0) {
                return null;
            }
            Ratio best = null;
            for (Ratio capAt : have) {
                // supporters with less than the cap pay everything, the others share the rest equally
                Ratio rest = cost;
                int payingTheCap = 0;
                for (Ratio m : have) {
                    if (m.compareTo(capAt) < 0) {
                        rest = rest.minus(m);
                    } else {
                        payingTheCap++;
                    }
                }
                Ratio rho = rest.dividedBy(Ratio.of(payingTheCap, 1));
                if (rho.signum() >= 0 && rho.compareTo(capAt) <= 0 && check(have, rho, cost)
                        && (best == null || rho.compareTo(best) < 0)) {
                    best = rho;
                }
            }
            return best;
        }

        private static boolean check(List<Ratio> have, Ratio rho, Ratio cost) {
            Ratio sum = Ratio.ZERO;
            for (Ratio m : have) {
                sum = sum.plus(m.compareTo(rho) < 0 ? m : rho);
            }
            return sum.equals(cost);
        }

        private static boolean allFundable(Instance i, List<String> funded) {
            for (BudgetProject p : i.projects()) {
                boolean supported = i.ballots().stream().anyMatch(b -> b.approved().contains(p.id()));
                if (supported && !funded.contains(p.id()) && p.cost().compareTo(i.budget()) <= 0) {
                    return false;
                }
            }
            return true;
        }

        private static Ratio cost(Instance i, List<String> funded) {
            Ratio sum = Ratio.ZERO;
            for (BudgetProject p : i.projects()) {
                if (funded.contains(p.id())) {
                    sum = sum.plus(Ratio.of(p.cost()));
                }
            }
            return sum;
        }
    }
}
