package coop.plenum.governance.budget;

import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.Ratio;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optimised engine (balances shared by id over a lazily refined common denominator, rho in doubles with exact
 * fallback, lazy priority queue, runs stopped once they overspend) gives exactly what a straightforward count gives:
 * every member's balance an exact {@link Ratio}, every round every project's rho recomputed from sorted balances, the
 * add-one completion run in full. Same funded projects in the same order, same rho, same payment per member, same
 * spend, leftover, virtual budget and number of raises, on random instances with classes, weights, powers (0, tiny,
 * uneven) and costs in cents, whose small numbers make exact ties common.
 */
class EqualSharesMatchesAStraightforwardCountTest {

    record Instance(BigDecimal budget, List<BudgetProject> projects, List<StakeholderClass> classes,
                    List<BudgetBallot> ballots, BigDecimal step) {
    }

    @Provide
    Arbitrary<Instance> instances() {
        return Arbitraries.longs().map(seed -> random(new Random(seed)));
    }

    static Instance random(Random random) {
        int projectCount = 1 + random.nextInt(8);
        List<BudgetProject> projects = new ArrayList<>();
        for (int p = 0; p < projectCount; p++) {
            BigDecimal cost = random.nextBoolean() ? BigDecimal.valueOf(1 + random.nextInt(60))
                    : BigDecimal.valueOf(1 + random.nextInt(6000), 2);
            projects.add(new BudgetProject("p" + p, cost));
        }
        List<StakeholderClass> classes = List.of(new StakeholderClass("a", "A", random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(100), 0),
                new StakeholderClass("b", "B", random.nextInt(101), 0), new StakeholderClass("c", "C", 1 + random.nextInt(100), 0));
        String[] powers = {"1", "1", "1", "2.5", "0", "0.000001", "7.123456", "1.5"};
        List<BudgetBallot> ballots = new ArrayList<>();
        int voters = random.nextInt(random.nextBoolean() ? 9 : 40);
        for (int i = 0; i < voters; i++) {
            Set<String> approved = new HashSet<>();
            for (BudgetProject p : projects) {
                if (random.nextInt(3) == 0) {
                    approved.add(p.id());
                }
            }
            String classId = classes.get(random.nextInt(classes.size())).id();
            ballots.add(new BudgetBallot(new MemberId("m" + i), classId, new BigDecimal(powers[random.nextInt(powers.length)]), approved));
        }
        BigDecimal budget = random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(200)) : BigDecimal.valueOf(random.nextInt(20000), 2);
        BigDecimal step = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> new BigDecimal("0.01");
            default -> BigDecimal.ONE;
        };
        return new Instance(budget, projects, classes, ballots, step);
    }

    @Property(tries = 2000)
    void theOptimisedCountEqualsAStraightforwardExactCount(@ForAll("instances") Instance i) {
        BudgetResult fast = EqualShares.count(i.budget(), i.projects(), i.classes(), i.ballots(), i.step());
        Straightforward.Result slow = new Straightforward(i).count();

        assertThat(fast.fundedIds()).isEqualTo(slow.bought().stream().map(b -> i.projects().get(b.project()).id()).toList());
        for (int k = 0; k < slow.bought().size(); k++) {
            Purchase p = fast.funded().get(k);
            Straightforward.Bought b = slow.bought().get(k);
            assertThat(p.rho()).as("rho of %s", p.projectId()).isEqualTo(b.rho());
            assertThat(p.payments()).as("payments for %s", p.projectId()).isEqualTo(b.payments());
        }
        assertThat(fast.spent()).isEqualTo(slow.spent());
        assertThat(fast.leftover()).isEqualTo(Ratio.of(i.budget()).minus(slow.spent()));
        assertThat(fast.virtualBudget()).isEqualTo(slow.virtualBudget());
        assertThat(fast.completionSteps()).isEqualTo(slow.steps());
        Statistics.label("funded").collect(fast.funded().size());
        Statistics.label("raises").collect(Math.min(fast.completionSteps(), 5));
    }

    /** The method as SPEC and docs/tally.md state it, with nothing clever: exact balances per member, full recounts. */
    static final class Straightforward {

        record Bought(int project, Ratio rho, Map<MemberId, Ratio> payments) {
        }

        record Result(List<Bought> bought, Ratio spent, Ratio virtualBudget, int steps) {
        }

        private final Instance instance;
        private final Ratio[] fraction;
        private final Ratio[] score;
        private final boolean[] fundable;

        Straightforward(Instance instance) {
            this.instance = instance;
            List<BudgetBallot> ballots = instance.ballots();
            Map<String, BigDecimal> classPower = new HashMap<>();
            ballots.forEach(b -> classPower.merge(b.classId(), b.power(), BigDecimal::add));
            Map<String, Integer> weight = new HashMap<>();
            instance.classes().forEach(c -> weight.put(c.id(), c.weight()));
            long total = classPower.entrySet().stream().filter(e -> e.getValue().signum() > 0)
                    .mapToLong(e -> weight.get(e.getKey())).sum();
            fraction = new Ratio[ballots.size()];
            for (int m = 0; m < ballots.size(); m++) {
                BudgetBallot b = ballots.get(m);
                BigDecimal pc = classPower.get(b.classId());
                fraction[m] = total == 0 || pc.signum() == 0 ? Ratio.ZERO
                        : Ratio.of(weight.get(b.classId()), total).times(Ratio.of(b.power(), pc));
            }
            int n = instance.projects().size();
            score = new Ratio[n];
            fundable = new boolean[n];
            for (int p = 0; p < n; p++) {
                String id = instance.projects().get(p).id();
                Ratio s = Ratio.ZERO;
                for (StakeholderClass c : instance.classes()) {
                    BigDecimal pc = classPower.getOrDefault(c.id(), BigDecimal.ZERO);
                    if (total == 0 || pc.signum() == 0) {
                        continue;
                    }
                    BigDecimal approving = ballots.stream().filter(b -> b.classId().equals(c.id()) && b.approved().contains(id))
                            .map(BudgetBallot::power).reduce(BigDecimal.ZERO, BigDecimal::add);
                    s = s.plus(Ratio.of(c.weight(), total).times(Ratio.of(approving, pc)));
                }
                score[p] = s;
                boolean someoneHasAShare = false;
                for (int m = 0; m < ballots.size(); m++) {
                    someoneHasAShare |= ballots.get(m).approved().contains(id) && fraction[m].signum() > 0;
                }
                fundable[p] = someoneHasAShare && instance.projects().get(p).cost().compareTo(instance.budget()) <= 0;
            }
        }

        Result count() {
            Ratio real = Ratio.of(instance.budget());
            Result best = run(real, real, 0);
            BigDecimal step = instance.step();
            if (step != null && step.signum() > 0 && !instance.ballots().isEmpty()) {
                Ratio raise = Ratio.of(step).times(Ratio.of(instance.ballots().size(), 1));
                for (int k = 1; k <= EqualShares.MAX_COMPLETION_STEPS && !fundsAllFundable(best); k++) {
                    Ratio v = real.plus(raise.times(Ratio.of(k, 1)));
                    Result next = run(v, v, k);
                    if (next.spent().isGreaterThan(real)) {
                        break;
                    }
                    best = next;
                }
            }
            return best;
        }

        private boolean fundsAllFundable(Result r) {
            Set<Integer> funded = new HashSet<>();
            r.bought().forEach(b -> funded.add(b.project()));
            for (int p = 0; p < fundable.length; p++) {
                if (fundable[p] && !funded.contains(p)) {
                    return false;
                }
            }
            return true;
        }

        private Result run(Ratio budget, Ratio virtual, int steps) {
            List<BudgetBallot> ballots = instance.ballots();
            Ratio[] balance = new Ratio[ballots.size()];
            for (int m = 0; m < balance.length; m++) {
                balance[m] = budget.times(fraction[m]);
            }
            List<Bought> bought = new ArrayList<>();
            Set<Integer> funded = new HashSet<>();
            Ratio spent = Ratio.ZERO;
            while (true) {
                int best = -1;
                Ratio bestRho = null;
                for (int p = 0; p < instance.projects().size(); p++) {
                    if (funded.contains(p)) {
                        continue;
                    }
                    Ratio rho = rho(p, balance);
                    if (rho == null) {
                        continue;
                    }
                    if (best < 0 || rho.compareTo(bestRho) < 0
                            || (rho.compareTo(bestRho) == 0 && score[p].compareTo(score[best]) > 0)) {
                        best = p;
                        bestRho = rho;
                    }
                }
                if (best < 0) {
                    return new Result(bought, spent, virtual, steps);
                }
                Map<MemberId, Ratio> payments = new LinkedHashMap<>();
                String id = instance.projects().get(best).id();
                for (int m = 0; m < balance.length; m++) {
                    if (ballots.get(m).approved().contains(id)) {
                        Ratio paid = balance[m].compareTo(bestRho) < 0 ? balance[m] : bestRho;
                        balance[m] = balance[m].minus(paid);
                        if (paid.signum() > 0) {
                            payments.put(ballots.get(m).member(), paid);
                        }
                    }
                }
                bought.add(new Bought(best, bestRho, payments));
                funded.add(best);
                spent = spent.plus(Ratio.of(instance.projects().get(best).cost()));
            }
        }

        /** The least rho with Σ min(rho, balance) = cost over the supporters, from their balances in ascending order. */
        private Ratio rho(int project, Ratio[] balance) {
            String id = instance.projects().get(project).id();
            List<Ratio> held = new ArrayList<>();
            for (int m = 0; m < balance.length; m++) {
                if (instance.ballots().get(m).approved().contains(id)) {
                    held.add(balance[m]);
                }
            }
            Ratio cost = Ratio.of(instance.projects().get(project).cost());
            if (held.stream().reduce(Ratio.ZERO, Ratio::plus).compareTo(cost) < 0) {
                return null;
            }
            held.sort(Comparator.naturalOrder());
            Ratio remaining = cost;
            for (int k = 0; k < held.size(); k++) {
                Ratio even = remaining.dividedBy(Ratio.of(held.size() - k, 1));
                if (held.get(k).compareTo(even) >= 0) {
                    return even;
                }
                remaining = remaining.minus(held.get(k));
            }
            throw new AssertionError("affordable, so some supporter pays the even split");
        }
    }
}
