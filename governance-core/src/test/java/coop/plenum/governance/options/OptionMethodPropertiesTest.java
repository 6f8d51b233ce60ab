package coop.plenum.governance.options;

import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Ratio;
import coop.plenum.governance.voting.Voter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * APPROVAL and SCORE against a deliberately naive reference (unreduced BigInteger fractions, no shared code), and
 * the invariants SPEC implies: scaling every power changes nothing; raising the sole winner on one ballot keeps it
 * the sole winner.
 */
public class OptionMethodPropertiesTest {

    public static final List<ProposalOption> OPTIONS = List.of(new ProposalOption("a", "A"), new ProposalOption("b", "B"),
            new ProposalOption("c", "C"), new ProposalOption("d", "D"));

    /** A random vote: classes, voters, direct ballots (or none) and a delegation map. */
    public record Vote(VoteMethod method, ClassRule rule, List<StakeholderClass> classes, List<Voter> voters,
                Map<MemberId, OptionBallot> ballots, Map<MemberId, MemberId> delegations) {

        public Electorate electorate() {
            return new Electorate(classes, new DecisionRule(Threshold.SIMPLE_MAJORITY, rule), voters);
        }

        public OptionTally tally() {
            return OptionMethod.of(method, OPTIONS).count(electorate(), delegations, 3, ballots).result();
        }
    }

    @Provide
    Arbitrary<Vote> votes() {
        Arbitrary<VoteMethod> methods = Arbitraries.of(VoteMethod.APPROVAL, VoteMethod.SCORE);
        Arbitrary<ClassRule> rules = Arbitraries.of(ClassRule.class);
        Arbitrary<Integer> classCount = Arbitraries.integers().between(1, 3);
        return Combinators.combine(methods, rules, classCount, Arbitraries.longs().between(0, Long.MAX_VALUE))
                .as((method, rule, n, seed) -> randomVote(method, rule, n, new java.util.Random(seed)));
    }

    public static Vote randomVote(VoteMethod method, ClassRule rule, int classCount, java.util.Random random) {
        List<StakeholderClass> classes = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            classes.add(new StakeholderClass("k" + c, "k" + c, random.nextInt(4) == 0 ? 0 : random.nextInt(101),
                    random.nextInt(3) == 0 ? 0 : random.nextInt(60)));
        }
        List<Voter> voters = new ArrayList<>();
        Map<MemberId, OptionBallot> ballots = new LinkedHashMap<>();
        int count = random.nextInt(13);
        for (int i = 0; i < count; i++) {
            MemberId id = new MemberId("m" + i);
            String[] powers = {"1", "1", "0", "2.5", "0.000001", "7.123456"};
            voters.add(new Voter(id, "k" + random.nextInt(classCount), new BigDecimal(powers[random.nextInt(powers.length)])));
            if (random.nextInt(4) != 0) {
                Map<String, Integer> scores = new HashMap<>();
                for (ProposalOption o : OPTIONS) {
                    int s = random.nextInt(method.maxScore() + 2) - 1;
                    if (s >= 0) {
                        scores.put(o.id(), s);
                    }
                }
                ballots.put(id, new OptionBallot(scores));
            }
        }
        Map<MemberId, MemberId> delegations = new HashMap<>();
        for (int i = 0; i < count; i++) {
            if (random.nextInt(3) == 0) {
                delegations.put(new MemberId("m" + i), new MemberId("m" + random.nextInt(count)));
            }
        }
        return new Vote(method, rule, classes, voters, ballots, delegations);
    }

    @Property(tries = 3000)
    void directBallotsCountAsANaiveFractionReferenceSays(@ForAll("votes") Vote vote) {
        Vote direct = new Vote(vote.method(), vote.rule(), vote.classes(), vote.voters(), vote.ballots(), Map.of());
        OptionTally tally = direct.tally();
        Reference reference = Reference.of(direct);
        for (int o = 0; o < OPTIONS.size(); o++) {
            Ratio expected = reference.score(o);
            assertThat(tally.options().get(o).score()).as("S(%s)", OPTIONS.get(o).id()).isEqualTo(expected);
        }
        assertThat(tally.outcome()).isEqualTo(reference.outcome());
        assertThat(tally.winners()).isEqualTo(reference.winners());
        Statistics.collect(tally.outcome());
    }

    @Property(tries = 2000)
    void scalingEveryPowerByTheSameFactorChangesNothing(@ForAll("votes") Vote vote) {
        BigDecimal factor = new BigDecimal("3.5");
        Vote scaled = new Vote(vote.method(), vote.rule(), vote.classes(), vote.voters().stream()
                .map(v -> new Voter(v.memberId(), v.classId(), v.power().multiply(factor))).toList(),
                vote.ballots(), vote.delegations());
        OptionTally before = vote.tally();
        OptionTally after = scaled.tally();
        assertThat(after.options()).isEqualTo(before.options());
        assertThat(after.winners()).isEqualTo(before.winners());
        assertThat(after.outcome()).isEqualTo(before.outcome());
    }

    @Property(tries = 2000)
    void raisingTheSoleWinnerOnOneBallotKeepsItTheSoleWinner(@ForAll("votes") Vote vote) {
        OptionTally before = vote.tally();
        if (before.outcome() != Outcome.ACCEPTED || vote.ballots().isEmpty()) {
            return;
        }
        String winner = before.winners().get(0);
        MemberId raised = vote.ballots().keySet().iterator().next();
        Map<String, Integer> scores = new HashMap<>(vote.ballots().get(raised).scores());
        scores.put(winner, vote.method().maxScore());
        Map<MemberId, OptionBallot> ballots = new HashMap<>(vote.ballots());
        ballots.put(raised, new OptionBallot(scores));
        OptionTally after = new Vote(vote.method(), vote.rule(), vote.classes(), vote.voters(), ballots, vote.delegations()).tally();
        assertThat(after.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(after.winners()).containsExactly(winner);
    }

    /** SPEC's formulas written out with unreduced fractions, for direct ballots only. */
    record Reference(Vote vote, List<BigInteger[]> shares, List<Integer> weights, boolean quorumMet) {

        static Reference of(Vote vote) {
            List<BigInteger[]> shares = new ArrayList<>();
            List<Integer> weights = new ArrayList<>();
            boolean quorumMet = true;
            BigInteger max = BigInteger.valueOf(vote.method().maxScore());
            for (StakeholderClass c : vote.classes()) {
                BigDecimal electorate = BigDecimal.ZERO;
                BigDecimal participating = BigDecimal.ZERO;
                BigDecimal[] sums = new BigDecimal[OPTIONS.size()];
                java.util.Arrays.fill(sums, BigDecimal.ZERO);
                for (Voter v : vote.voters()) {
                    if (!v.classId().equals(c.id())) {
                        continue;
                    }
                    electorate = electorate.add(v.power());
                    OptionBallot b = vote.ballots().get(v.memberId());
                    if (b != null) {
                        participating = participating.add(v.power());
                        for (int o = 0; o < OPTIONS.size(); o++) {
                            sums[o] = sums[o].add(v.power().multiply(BigDecimal.valueOf(b.scoreOf(OPTIONS.get(o).id()))));
                        }
                    }
                }
                if (electorate.signum() == 0) {
                    continue;
                }
                // participating / electorate >= quorum / 100, cross-multiplied
                if (participating.multiply(BigDecimal.valueOf(100)).compareTo(electorate.multiply(BigDecimal.valueOf(c.quorum()))) < 0) {
                    quorumMet = false;
                }
                if (participating.signum() == 0) {
                    continue;
                }
                BigInteger[] fractions = new BigInteger[OPTIONS.size() * 2];
                for (int o = 0; o < OPTIONS.size(); o++) {
                    int scale = Math.max(sums[o].scale(), participating.scale());
                    fractions[2 * o] = sums[o].setScale(scale).unscaledValue();
                    fractions[2 * o + 1] = participating.setScale(scale).unscaledValue().multiply(max);
                }
                shares.add(fractions);
                weights.add(c.weight());
            }
            return new Reference(vote, shares, weights, quorumMet);
        }

        Ratio score(int o) {
            if (shares.isEmpty()) {
                return null;
            }
            int total = weights.stream().mapToInt(Integer::intValue).sum();
            boolean plain = total == 0;
            if (plain && vote.rule() == ClassRule.WEIGHTED) {
                return null;
            }
            BigInteger num = BigInteger.ZERO;
            BigInteger den = BigInteger.ONE;
            for (int c = 0; c < shares.size(); c++) {
                BigInteger w = BigInteger.valueOf(plain ? 1 : weights.get(c));
                BigInteger n = shares.get(c)[2 * o].multiply(w);
                BigInteger d = shares.get(c)[2 * o + 1];
                num = num.multiply(d).add(n.multiply(den));
                den = den.multiply(d);
            }
            return new Ratio(num, den.multiply(BigInteger.valueOf(plain ? shares.size() : total)));
        }

        boolean eligible(int o) {
            if (vote.rule() == ClassRule.WEIGHTED) {
                return true;
            }
            if (shares.isEmpty()) {
                return false;
            }
            for (BigInteger[] s : shares) {
                if (s[2 * o].multiply(BigInteger.TWO).compareTo(s[2 * o + 1]) <= 0) {
                    return false;
                }
            }
            return true;
        }

        List<String> winners() {
            if (!quorumMet) {
                return List.of();
            }
            Ratio best = Ratio.ZERO;
            List<String> winners = new ArrayList<>();
            for (int o = 0; o < OPTIONS.size(); o++) {
                Ratio s = score(o);
                if (s == null || !eligible(o) || s.signum() == 0) {
                    continue;
                }
                int cmp = s.compareTo(best);
                if (cmp > 0) {
                    best = s;
                    winners.clear();
                }
                if (cmp >= 0) {
                    winners.add(OPTIONS.get(o).id());
                }
            }
            return winners;
        }

        Outcome outcome() {
            if (!quorumMet) {
                return Outcome.NO_QUORUM;
            }
            List<String> w = winners();
            return w.isEmpty() ? Outcome.REJECTED : w.size() == 1 ? Outcome.ACCEPTED : Outcome.TIE;
        }
    }
}
