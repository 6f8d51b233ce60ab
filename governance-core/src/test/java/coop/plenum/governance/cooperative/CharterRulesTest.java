package coop.plenum.governance.cooperative;

import coop.plenum.kernel.Violation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CharterRulesTest {

    private static Charter withClasses(StakeholderClass... classes) {
        return CharterRules.complete(new Charter(List.of(classes), null, null, null, null, null, null));
    }

    private static List<String> fields(Charter charter) {
        return CharterRules.violations(charter).stream().map(Violation::field).toList();
    }

    @Test
    void aCharterWithOneClassOfWeight100AndDefaultsIsValid() {
        assertThat(CharterRules.violations(withClasses(new StakeholderClass("members", "Members", 100, 0)))).isEmpty();
    }

    @Test
    void defaultsAreSimpleMajorityWeightedEqualPowerOpenDelegationSecretaryAdmission() {
        Charter c = withClasses(new StakeholderClass("members", "Members", 100, 0));
        assertThat(c.topics()).containsExactly("general");
        assertThat(c.decision()).isEqualTo(new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED));
        assertThat(c.votingPower().mode()).isEqualTo(VotingPowerMode.EQUAL);
        assertThat(c.delegation()).isEqualTo(new DelegationRule(true, 0));
        assertThat(c.admission()).isEqualTo(AdmissionPolicy.SECRETARY);
        assertThat(c.ledger().requiredEvaluations()).isEqualTo(2);
    }

    @Test
    void weightsMustSumTo100() {
        assertThat(fields(withClasses(new StakeholderClass("a", "A", 50, 0), new StakeholderClass("b", "B", 49, 0))))
                .containsExactly("charter.classes");
    }

    @Test
    void classIdsAreUniqueSlugs() {
        assertThat(fields(withClasses(new StakeholderClass("a", "A", 50, 0), new StakeholderClass("a", "A2", 50, 0))))
                .containsExactly("charter.classes[1].id");
        assertThat(fields(withClasses(new StakeholderClass("Big Class", "A", 100, 0)))).containsExactly("charter.classes[0].id");
    }

    @Test
    void negativeWeightsAndQuorumsOutsideZeroToHundredAreRejected() {
        assertThat(fields(withClasses(new StakeholderClass("a", "A", -10, 0), new StakeholderClass("b", "B", 110, 0))))
                .contains("charter.classes[0].weight", "charter.classes[1].weight");
        assertThat(fields(withClasses(new StakeholderClass("a", "A", 100, 101)))).containsExactly("charter.classes[0].quorum");
        assertThat(fields(withClasses(new StakeholderClass("a", "A", 100, -1)))).containsExactly("charter.classes[0].quorum");
    }

    @Test
    void aCharterNeedsAtLeastOneClass() {
        assertThat(fields(CharterRules.complete(new Charter(List.of(), null, null, null, null, null, null))))
                .containsExactly("charter.classes");
        assertThat(fields(CharterRules.complete(new Charter(null, null, null, null, null, null, null))))
                .containsExactly("charter.classes");
    }

    @Test
    void topicsAreUniqueSlugs() {
        Charter c = CharterRules.complete(new Charter(List.of(new StakeholderClass("a", "A", 100, 0)),
                List.of("energy", "energy", "Not A Slug"), null, null, null, null, null));
        assertThat(fields(c)).containsExactly("charter.topics[1]", "charter.topics[2]");
    }

    @Test
    void contributionWeightedPowerNeedsPositivePointsPerVoteAndNonNegativeBonus() {
        Charter c = CharterRules.complete(new Charter(List.of(new StakeholderClass("a", "A", 100, 0)), null, null,
                new VotingPowerRule(VotingPowerMode.CONTRIBUTION_WEIGHTED, BigDecimal.ZERO, new BigDecimal("-1"), 0),
                null, null, null));
        assertThat(fields(c)).containsExactly("charter.votingPower.pointsPerVote", "charter.votingPower.maxBonus",
                "charter.votingPower.windowDays");
    }

    @Test
    void negativeChainLengthsRatesAndEvaluationCountsAreRejected() {
        Charter c = CharterRules.complete(new Charter(List.of(new StakeholderClass("a", "A", 100, 0)), null, null, null,
                new DelegationRule(true, -1), null, new LedgerRule(Map.of("WORK_HOURS", new BigDecimal("-0.5")), 0)));
        assertThat(fields(c)).containsExactly("charter.delegation.maxChainLength", "charter.ledger.rates.WORK_HOURS",
                "charter.ledger.requiredEvaluations");
    }

    @Property(tries = 2000)
    void classesAreAcceptedExactlyWhenTheirWeightsSumTo100(@ForAll("weights") List<Integer> weights) {
        List<StakeholderClass> classes = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            classes.add(new StakeholderClass("class-" + i, "Class " + i, weights.get(i), 50));
        }
        boolean sumsTo100 = weights.stream().mapToInt(Integer::intValue).sum() == 100;
        List<Violation> violations = CharterRules.violations(withClasses(classes.toArray(StakeholderClass[]::new)));
        assertThat(violations.isEmpty()).isEqualTo(sumsTo100);
    }

    @Provide
    Arbitrary<List<Integer>> weights() {
        Arbitrary<List<Integer>> anyWeights = Arbitraries.integers().between(0, 100).list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<List<Integer>> summingTo100 = Arbitraries.integers().between(1, 6).flatMap(n ->
                Arbitraries.integers().between(0, 100).list().ofSize(n - 1).map(cuts -> {
                    List<Integer> sorted = new ArrayList<>(cuts);
                    sorted.add(0);
                    sorted.add(100);
                    sorted.sort(Integer::compare);
                    List<Integer> parts = new ArrayList<>();
                    for (int i = 1; i < sorted.size(); i++) {
                        parts.add(sorted.get(i) - sorted.get(i - 1));
                    }
                    return parts;
                }));
        return Arbitraries.oneOf(anyWeights, summingTo100);
    }
}
