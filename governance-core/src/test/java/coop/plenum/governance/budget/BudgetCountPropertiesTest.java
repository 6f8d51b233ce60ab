package coop.plenum.governance.budget;

import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.options.OptionBallot;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Ratio;
import coop.plenum.governance.voting.Voter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BUDGET's count over random votes with classes, powers and delegation chains: never more than the budget, the same
 * whatever order the ballots come in, a delegator counted exactly as if they had cast their delegate's ballot, with
 * one class and equal power the engine's plain Method of Equal Shares, and class weights deciding each class's part of
 * the budget however many members each class has.
 */
class BudgetCountPropertiesTest {

    record Vote(ProposalBudget budget, List<ProposalOption> projects, Electorate electorate,
                Map<MemberId, MemberId> delegations, Map<MemberId, OptionBallot> ballots) {
        BudgetTally tally() {
            return BudgetCount.count(budget, projects, electorate, delegations, 0, ballots);
        }
    }

    @Provide
    Arbitrary<Vote> votes() {
        return Arbitraries.longs().map(seed -> random(new Random(seed), true));
    }

    @Provide
    Arbitrary<Vote> oneClassEqualPowerNoDelegation() {
        return Arbitraries.longs().map(seed -> random(new Random(seed), false));
    }

    static Vote random(Random random, boolean classesPowersDelegations) {
        int projectCount = 2 + random.nextInt(5);
        List<ProposalOption> projects = new ArrayList<>();
        for (int p = 0; p < projectCount; p++) {
            // costs in whole units and in cents (the engine's common denominator must hold both)
            BigDecimal cost = random.nextBoolean() ? BigDecimal.valueOf(1 + random.nextInt(60))
                    : BigDecimal.valueOf(1 + random.nextInt(6000), 2);
            projects.add(new ProposalOption("p" + p, "P" + p, cost));
        }
        List<StakeholderClass> classes = classesPowersDelegations
                ? List.of(new StakeholderClass("a", "A", random.nextInt(101), random.nextInt(3) * 10),
                        new StakeholderClass("b", "B", random.nextInt(101), 0))
                : List.of(new StakeholderClass("a", "A", 1, 0));
        String[] powers = {"1", "2.5", "0", "0.000001", "7.123456"};
        int members = 1 + random.nextInt(10);
        List<Voter> voters = new ArrayList<>();
        Map<MemberId, OptionBallot> ballots = new LinkedHashMap<>();
        Map<MemberId, MemberId> delegations = new HashMap<>();
        for (int i = 0; i < members; i++) {
            MemberId id = new MemberId("m" + i);
            voters.add(new Voter(id, classesPowersDelegations && random.nextBoolean() ? "b" : "a",
                    classesPowersDelegations ? new BigDecimal(powers[random.nextInt(powers.length)]) : BigDecimal.ONE));
            if (random.nextInt(3) > 0) {
                List<String> approved = new ArrayList<>();
                projects.forEach(p -> {
                    if (random.nextInt(3) == 0) {
                        approved.add(p.id());
                    }
                });
                ballots.put(id, OptionBallot.approving(approved));
            } else if (classesPowersDelegations && members > 1) {
                delegations.put(id, new MemberId("m" + random.nextInt(members)));
            }
        }
        delegations.entrySet().removeIf(d -> d.getKey().equals(d.getValue()));
        return new Vote(new ProposalBudget(BigDecimal.valueOf(1 + random.nextInt(150)), "EUR"), projects,
                new Electorate(classes, BudgetCountTest.RULE, voters), delegations, ballots);
    }

    @Property(tries = 400)
    void theFundedProjectsNeverCostMoreThanTheBudgetAndEachIsPaidInFull(@ForAll("votes") Vote vote) {
        BudgetTally tally = vote.tally();
        Ratio budget = Ratio.of(vote.budget().amount());
        assertThat(tally.spent().isGreaterThan(budget)).isFalse();
        assertThat(tally.spent().plus(tally.leftover())).isEqualTo(budget);
        assertThat(tally.greedySpent().isGreaterThan(budget)).isFalse();
        Ratio sum = Ratio.ZERO;
        for (BudgetTally.Project p : tally.projects()) {
            if (p.funded()) {
                assertThat(p.paid()).isEqualTo(Ratio.of(p.cost()));
                sum = sum.plus(Ratio.of(p.cost()));
            }
        }
        assertThat(sum).isEqualTo(tally.spent());
    }

    @Property(tries = 300)
    void theOrderTheBallotsCameInChangesNothing(@ForAll("votes") Vote vote, @ForAll long seed) {
        List<Map.Entry<MemberId, OptionBallot>> entries = new ArrayList<>(vote.ballots().entrySet());
        Collections.shuffle(entries, new Random(seed));
        Map<MemberId, OptionBallot> shuffled = new LinkedHashMap<>();
        entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));
        List<Voter> voters = new ArrayList<>(vote.electorate().voters());
        Collections.shuffle(voters, new Random(seed));
        Vote reordered = new Vote(vote.budget(), vote.projects(),
                new Electorate(vote.electorate().classes(), vote.electorate().decision(), voters), vote.delegations(), shuffled);
        assertThat(reordered.tally()).isEqualTo(vote.tally());
    }

    @Property(tries = 300)
    void aDelegatorCountsExactlyAsIfTheyHadCastTheBallotTheirChainEndsAt(@ForAll("votes") Vote vote) {
        Map<MemberId, OptionBallot> resolved = new LinkedHashMap<>(vote.ballots());
        BudgetCount.open(vote.projects(), vote.electorate(), vote.delegations(), 0, vote.ballots()).countedVotes()
                .forEach(v -> resolved.put(v.memberId(), v.choice()));
        Vote direct = new Vote(vote.budget(), vote.projects(), vote.electorate(), Map.of(), resolved);
        BudgetTally delegated = vote.tally();
        BudgetTally cast = direct.tally();
        assertThat(delegated.funded()).isEqualTo(cast.funded());
        assertThat(delegated.projects()).isEqualTo(cast.projects());
        assertThat(delegated.outcome()).isEqualTo(cast.outcome());
    }

    @Property(tries = 300)
    void withOneClassAndEqualPowerItIsThePlainMethodOfEqualShares(@ForAll("oneClassEqualPowerNoDelegation") Vote vote) {
        List<BudgetBallot> ballots = new ArrayList<>();
        vote.ballots().forEach((m, b) -> ballots.add(new BudgetBallot(m, "a", BigDecimal.ONE, java.util.Set.copyOf(b.approved()))));
        BudgetResult plain = EqualShares.count(vote.budget().amount(),
                vote.projects().stream().map(p -> new BudgetProject(p.id(), p.cost())).toList(),
                vote.electorate().classes(), ballots, BigDecimal.ONE);
        BudgetTally tally = vote.tally();
        assertThat(tally.funded()).isEqualTo(plain.fundedIds());
        assertThat(tally.spent()).isEqualTo(plain.spent());
        assertThat(tally.greedy()).isEqualTo(plain.greedy());
    }

    /**
     * Proportionality by class: class A (weight 10·x) and class B (weight 10·(10 − x)), each approving only its own
     * ten projects of cost 10, with a budget of 100: A funds exactly x projects and B 10 − x, whatever the number of
     * members and their powers in each class.
     */
    @Property(tries = 200)
    void eachClassFundsItsWeightsPartOfTheBudgetWhateverItsHeadcount(@ForAll @IntRange(min = 1, max = 9) int x,
                                                                       @ForAll @IntRange(min = 1, max = 30) int inA,
                                                                       @ForAll @IntRange(min = 1, max = 30) int inB,
                                                                       @ForAll long seed) {
        Random random = new Random(seed);
        List<ProposalOption> projects = new ArrayList<>();
        List<String> ofA = new ArrayList<>();
        List<String> ofB = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            projects.add(new ProposalOption("a" + i, "A" + i, BigDecimal.TEN));
            projects.add(new ProposalOption("b" + i, "B" + i, BigDecimal.TEN));
            ofA.add("a" + i);
            ofB.add("b" + i);
        }
        List<Voter> voters = new ArrayList<>();
        Map<MemberId, OptionBallot> ballots = new LinkedHashMap<>();
        for (int i = 0; i < inA + inB; i++) {
            MemberId id = new MemberId("m" + i);
            voters.add(new Voter(id, i < inA ? "a" : "b", BigDecimal.valueOf(1 + random.nextInt(5))));
            ballots.put(id, OptionBallot.approving(i < inA ? ofA : ofB));
        }
        List<StakeholderClass> classes = List.of(new StakeholderClass("a", "A", 10 * x, 0),
                new StakeholderClass("b", "B", 10 * (10 - x), 0));
        BudgetTally tally = BudgetCount.count(new ProposalBudget(BigDecimal.valueOf(100), "EUR"), projects,
                new Electorate(classes, BudgetCountTest.RULE, voters), Map.of(), 0, ballots);
        assertThat(tally.funded().stream().filter(id -> id.startsWith("a")).count()).isEqualTo(x);
        assertThat(tally.funded().stream().filter(id -> id.startsWith("b")).count()).isEqualTo(10 - x);
    }
}
