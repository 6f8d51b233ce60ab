package coop.plenum.governance.tally;

import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Ratio;
import coop.plenum.governance.voting.Voter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine against a deliberately naive reference (plain BigInteger fractions, no normalisation, no shared code)
 * on random electorates, and the invariants a vote count must keep.
 */
class TallyPropertiesTest {


    // ------------------------------------------------------------------ properties

    @Property(tries = 5000)
    void theEngineAgreesWithABruteForceReference(@ForAll("scenarios") Scenario s) {
        Tally tally = YesNo.directBallotsOnly(s.electorate(), s.ballots());
        Reference.Result expected = Reference.tally(s);

        assertThat(tally.outcome()).as("outcome").isEqualTo(expected.outcome());
        assertThat(same(tally.approval(), expected.approval())).as("approval %s vs %s", tally.approval(), expected.approval()).isTrue();
        assertThat(tally.classes()).hasSize(expected.classes().size());
        for (int i = 0; i < expected.classes().size(); i++) {
            ClassTally actual = tally.classes().get(i);
            Reference.ClassResult want = expected.classes().get(i);
            assertThat(actual.classId()).isEqualTo(want.classId());
            assertThat(actual.electoratePower()).isEqualByComparingTo(want.e());
            assertThat(actual.yes()).isEqualByComparingTo(want.y());
            assertThat(actual.no()).isEqualByComparingTo(want.n());
            assertThat(actual.abstain()).isEqualByComparingTo(want.a());
            assertThat(actual.droppedOut()).isEqualTo(want.droppedOut());
            assertThat(actual.quorumMet()).isEqualTo(want.quorumMet());
            assertThat(same(actual.participation(), want.participation())).as("participation").isTrue();
            assertThat(same(actual.approval(), want.approval())).as("class approval").isTrue();
        }

        Statistics.label("outcome").collect(tally.outcome()).coverage(c -> {
            c.check(Outcome.ACCEPTED).percentage(p -> p > 10);
            c.check(Outcome.REJECTED).percentage(p -> p > 10);
            c.check(Outcome.NO_QUORUM).percentage(p -> p > 5);
        });
        Statistics.label("approval exactly at the threshold")
                .collect(tally.approval() != null && (tally.approval().equals(Ratio.ONE_HALF) || tally.approval().equals(Ratio.TWO_THIRDS)))
                .coverage(c -> c.check(true).percentage(p -> p > 1.5));
    }

    @Property(tries = 2000)
    void theOutcomeNeverChangesWhenAllPowersAreMultipliedByTheSameFactor(@ForAll("scenarios") Scenario s,
                                                                        @ForAll("factors") BigDecimal factor) {
        List<Voter> scaled = s.voters().stream()
                .map(v -> new Voter(v.memberId(), v.classId(), v.power().multiply(factor))).toList();
        Electorate electorate = s.electorate();
        Tally before = YesNo.directBallotsOnly(electorate, s.ballots());
        Tally after = YesNo.directBallotsOnly(new Electorate(electorate.classes(), electorate.decision(), scaled), s.ballots());

        assertThat(after.outcome()).isEqualTo(before.outcome());
        assertThat(after.approval()).isEqualTo(before.approval());
        assertThat(after.classes()).extracting(ClassTally::participation)
                .containsExactlyElementsOf(before.classes().stream().map(ClassTally::participation).toList());
    }

    @Property(tries = 3000)
    void aYesBallotNeverTurnsAcceptedIntoRejected(@ForAll("yesLeaningScenarios") Scenario s,
                                                  @ForAll @IntRange(min = 0, max = 1000) int pick) {
        Tally before = YesNo.directBallotsOnly(s.electorate(), s.ballots());
        Statistics.label("accepted before").collect(before.outcome() == Outcome.ACCEPTED)
                .coverage(c -> c.check(true).percentage(p -> p > 20));
        if (s.voters().isEmpty()) {
            return;
        }
        MemberId member = s.voters().get(pick % s.voters().size()).memberId();
        Map<MemberId, Choice> more = new HashMap<>(s.ballots());
        more.put(member, Choice.YES);   // a new YES, or a NO or ABSTAIN turned into YES

        Tally after = YesNo.directBallotsOnly(s.electorate(), more);

        if (before.outcome() == Outcome.ACCEPTED) {
            assertThat(after.outcome()).isEqualTo(Outcome.ACCEPTED);
        }
    }

    @Property(tries = 2000)
    void theOrderOfClassesAndVotersChangesNothingButTheOrderOfClassTallies(@ForAll("scenarios") Scenario s,
                                                                          @ForAll long seed) {
        List<StakeholderClass> classes = new ArrayList<>(s.classes());
        List<Voter> voters = new ArrayList<>(s.voters());
        Collections.shuffle(classes, new Random(seed));
        Collections.shuffle(voters, new Random(seed + 1));

        Tally ordered = YesNo.directBallotsOnly(s.electorate(), s.ballots());
        Tally shuffled = YesNo.directBallotsOnly(new Electorate(classes, s.decision(), voters), s.ballots());

        assertThat(shuffled.outcome()).isEqualTo(ordered.outcome());
        assertThat(shuffled.approval()).isEqualTo(ordered.approval());
        for (ClassTally c : ordered.classes()) {
            ClassTally other = shuffled.forClass(c.classId()).orElseThrow();
            assertThat(other.participation()).isEqualTo(c.participation());
            assertThat(other.approval()).isEqualTo(c.approval());
            assertThat(other.quorumMet()).isEqualTo(c.quorumMet());
        }
    }

    @Property(tries = 2000)
    void displayRoundingMatchesDecimalDivision(@ForAll @IntRange(min = 0, max = 10_000_000) int numerator,
                                               @ForAll @IntRange(min = 1, max = 10_000_000) int denominator) {
        BigDecimal expected = new BigDecimal(numerator).divide(new BigDecimal(denominator), 6, java.math.RoundingMode.HALF_EVEN);
        assertThat(Ratio.of(numerator, denominator).toDecimalString(6)).isEqualTo(expected.toPlainString());
    }

    private static boolean same(Ratio ratio, Reference.Frac frac) {
        if (ratio == null || frac == null) {
            return ratio == null && frac == null;
        }
        return ratio.numerator().multiply(frac.d()).equals(frac.n().multiply(ratio.denominator()));
    }

    // ------------------------------------------------------------------ generators

    /** A random electorate, its pinned rule and the ballots cast. */
    record Scenario(List<StakeholderClass> classes, DecisionRule decision, List<Voter> voters, Map<MemberId, Choice> ballots) {
        Electorate electorate() {
            return new Electorate(classes, decision, voters);
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return scenarios(Arbitraries.of(Choice.class).injectNull(0.2));
    }

    @Provide
    Arbitrary<Scenario> yesLeaningScenarios() {
        return scenarios(Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Choice.YES)),
                Tuple.of(2, Arbitraries.just(Choice.NO)),
                Tuple.of(1, Arbitraries.just(Choice.ABSTAIN))).injectNull(0.15));
    }

    @Provide
    Arbitrary<BigDecimal> factors() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 1000).map(BigDecimal::valueOf),
                Arbitraries.integers().between(1, 6).flatMap(scale ->
                        Arbitraries.bigDecimals().between(BigDecimal.ONE.movePointLeft(scale), new BigDecimal("1000")).ofScale(scale)));
    }

    private static Arbitrary<Scenario> scenarios(Arbitrary<Choice> ballot) {
        Arbitrary<DecisionRule> decisions = Combinators.combine(Arbitraries.of(Threshold.class), Arbitraries.of(ClassRule.class))
                .as(DecisionRule::new);
        return Arbitraries.integers().between(1, 5).flatMap(k -> Combinators.combine(
                weightsSummingTo100(k),
                quorum().list().ofSize(k),
                decisions,
                powerStyles().flatMap(powers ->
                        Combinators.combine(Arbitraries.integers().between(0, k - 1), powers, ballot).as(VoterSpec::new)
                                .list().ofMinSize(0).ofMaxSize(40))
        ).as(TallyPropertiesTest::scenario));
    }

    private record VoterSpec(int classIndex, BigDecimal power, Choice ballot) {
    }

    private static Scenario scenario(List<Integer> weights, List<Integer> quorums, DecisionRule decision, List<VoterSpec> specs) {
        List<StakeholderClass> classes = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            classes.add(new StakeholderClass("c" + i, "Class " + i, weights.get(i), quorums.get(i)));
        }
        List<Voter> voters = new ArrayList<>();
        Map<MemberId, Choice> ballots = new LinkedHashMap<>();
        for (VoterSpec spec : specs) {
            MemberId id = new MemberId("m" + voters.size());
            voters.add(new Voter(id, "c" + spec.classIndex(), spec.power()));
            if (spec.ballot() != null) {
                ballots.put(id, spec.ballot());
            }
        }
        return new Scenario(classes, decision, voters, ballots);
    }

    /** k weights, each 0–100, summing to 100 (cut points on 0..100; zero weights happen). */
    private static Arbitrary<List<Integer>> weightsSummingTo100(int k) {
        return Arbitraries.integers().between(0, 100).list().ofSize(k - 1).map(cuts -> {
            List<Integer> sorted = new ArrayList<>(cuts);
            Collections.sort(sorted);
            List<Integer> weights = new ArrayList<>();
            int previous = 0;
            for (int cut : sorted) {
                weights.add(cut - previous);
                previous = cut;
            }
            weights.add(100 - previous);
            return weights;
        });
    }

    /** 0–100, with the interesting values (0, thirds, halves, 100) over-represented. */
    private static Arbitrary<Integer> quorum() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0, 100)),
                Tuple.of(3, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.of(25, 33, 34, 50, 66, 67, 100)));
    }

    /**
     * Per scenario, either every voter has power 1 (a charter with EQUAL power: exact ties and thirds are frequent) or
     * powers mix zeros, small integers and decimals with 1–6 fractional digits.
     */
    private static Arbitrary<Arbitrary<BigDecimal>> powerStyles() {
        return Arbitraries.of(List.of(power(), Arbitraries.just(BigDecimal.ONE)));
    }

    /** Zeros, small integers (ties and exact thirds are likely) and decimals with 1–6 fractional digits. */
    private static Arbitrary<BigDecimal> power() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(BigDecimal.ZERO)),
                Tuple.of(5, Arbitraries.integers().between(0, 5).map(BigDecimal::valueOf)),
                Tuple.of(3, Arbitraries.integers().between(1, 6).flatMap(scale ->
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(scale))));
    }

    // ------------------------------------------------------------------ reference

    /**
     * SPEC "Tally" read literally, with fractions made of two BigIntegers, never reduced, compared by
     * cross-multiplication. EVERY_CLASS checks each class on its own; its reported approval is the lowest one.
     */
    static final class Reference {

        record Frac(BigInteger n, BigInteger d) {
            static Frac of(BigDecimal value) {
                return value.scale() >= 0
                        ? new Frac(value.unscaledValue(), BigInteger.TEN.pow(value.scale()))
                        : new Frac(value.unscaledValue().multiply(BigInteger.TEN.pow(-value.scale())), BigInteger.ONE);
            }

            static Frac of(long n, long d) {
                return new Frac(BigInteger.valueOf(n), BigInteger.valueOf(d));
            }

            Frac plus(Frac o) {
                return new Frac(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d));
            }

            Frac times(Frac o) {
                return new Frac(n.multiply(o.n), d.multiply(o.d));
            }

            Frac over(Frac o) {
                return new Frac(n.multiply(o.d), d.multiply(o.n));
            }

            boolean isZero() {
                return n.signum() == 0;
            }

            int cmp(Frac o) {
                return n.multiply(o.d).multiply(BigInteger.valueOf(d.signum() * o.d.signum()))
                        .compareTo(o.n.multiply(d).multiply(BigInteger.valueOf(d.signum() * o.d.signum())));
            }
        }

        record ClassResult(String classId, BigDecimal e, BigDecimal y, BigDecimal n, BigDecimal a,
                           boolean droppedOut, boolean quorumMet, Frac participation, Frac approval) {
        }

        record Result(List<ClassResult> classes, Frac approval, Outcome outcome) {
        }

        static Result tally(Scenario s) {
            List<ClassResult> results = new ArrayList<>();
            boolean quorumEverywhere = true;
            for (StakeholderClass c : s.classes()) {
                BigDecimal e = BigDecimal.ZERO, y = BigDecimal.ZERO, n = BigDecimal.ZERO, a = BigDecimal.ZERO;
                for (Voter v : s.voters()) {
                    if (!v.classId().equals(c.id())) {
                        continue;
                    }
                    e = e.add(v.power());
                    Choice choice = s.ballots().get(v.memberId());
                    if (choice == Choice.YES) y = y.add(v.power());
                    if (choice == Choice.NO) n = n.add(v.power());
                    if (choice == Choice.ABSTAIN) a = a.add(v.power());
                }
                boolean droppedOut = e.signum() == 0;
                Frac participation = droppedOut ? null : Frac.of(y.add(n).add(a)).over(Frac.of(e));
                boolean quorumMet = droppedOut || participation.cmp(Frac.of(c.quorum(), 100)) >= 0;
                Frac approval = droppedOut || y.add(n).signum() == 0 ? null : Frac.of(y).over(Frac.of(y.add(n)));
                quorumEverywhere &= quorumMet;
                results.add(new ClassResult(c.id(), e, y, n, a, droppedOut, quorumMet, participation, approval));
            }

            Frac overall = null;
            boolean passes;
            Threshold threshold = s.decision().threshold();
            if (s.decision().classRule() == ClassRule.WEIGHTED) {
                Frac sum = Frac.of(0, 1);
                long weights = 0;
                for (int i = 0; i < results.size(); i++) {
                    if (results.get(i).approval() != null) {
                        sum = sum.plus(Frac.of(s.classes().get(i).weight(), 1).times(results.get(i).approval()));
                        weights += s.classes().get(i).weight();
                    }
                }
                overall = weights == 0 ? null : sum.over(Frac.of(weights, 1));
                passes = overall != null && passesThreshold(threshold, overall);
            } else {
                boolean any = false;
                passes = true;
                for (ClassResult r : results) {
                    if (r.approval() != null) {
                        any = true;
                        passes &= passesThreshold(threshold, r.approval());
                        if (overall == null || r.approval().cmp(overall) < 0) {
                            overall = r.approval();
                        }
                    }
                }
                passes &= any;
            }
            Outcome outcome = !quorumEverywhere ? Outcome.NO_QUORUM : passes ? Outcome.ACCEPTED : Outcome.REJECTED;
            return new Result(results, overall, outcome);
        }

        private static boolean passesThreshold(Threshold threshold, Frac approval) {
            // a > 1/2  ⇔  2·y > (y+n);  a ≥ 2/3  ⇔  3·a ≥ 2
            return threshold == Threshold.SIMPLE_MAJORITY
                    ? approval.cmp(Frac.of(1, 2)) > 0
                    : approval.times(Frac.of(3, 1)).cmp(Frac.of(2, 1)) >= 0;
        }
    }
}
