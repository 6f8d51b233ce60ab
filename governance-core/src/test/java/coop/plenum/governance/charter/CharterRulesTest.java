package coop.plenum.governance.charter;

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

    private static Charter withPower(String pointsPerVote, String maxBonus, Integer windowDays) {
        return CharterRules.complete(new Charter(List.of(new StakeholderClass("members", "Members", 100, 0)), null, null,
                new VotingPowerRule(VotingPowerMode.CONTRIBUTION_WEIGHTED, new BigDecimal(pointsPerVote), new BigDecimal(maxBonus), windowDays),
                null, null, null));
    }

    private static Charter withLedger(Map<String, BigDecimal> rates, Integer requiredEvaluations) {
        return CharterRules.complete(new Charter(List.of(new StakeholderClass("members", "Members", 100, 0)), null, null, null,
                null, null, new LedgerRule(rates, requiredEvaluations)));
    }

    @Test
    void ratesAreAtMostAMillionWithAtMostSixDecimalPlaces() {
        assertThat(fields(withLedger(Map.of("A", new BigDecimal("1000000"), "B", new BigDecimal("0.000001"), "C", BigDecimal.ZERO), 2))).isEmpty();
        for (String rate : List.of("1E+1000", "1E+9999", "1E-10000", "1000000.000001", "0.0000001", "-1")) {
            assertThat(fields(withLedger(Map.of("WORK_HOURS", new BigDecimal(rate)), 2))).as(rate)
                    .containsExactly("charter.ledger.rates.WORK_HOURS");
        }
    }

    @Test
    void requiredEvaluationsAreOneToAHundredAndContributionTypesAtMostFifty() {
        assertThat(fields(withLedger(Map.of(), 100))).isEmpty();
        assertThat(fields(withLedger(Map.of(), 101))).containsExactly("charter.ledger.requiredEvaluations");
        assertThat(fields(withLedger(Map.of(), 0))).containsExactly("charter.ledger.requiredEvaluations");
        Map<String, BigDecimal> many = new java.util.TreeMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("T" + i, BigDecimal.ONE);
        }
        assertThat(fields(withLedger(many, 2))).containsExactly("charter.ledger.rates");
    }

    @Test
    void votingPowerParametersAreBounded() {
        assertThat(fields(withPower("1000000000000000", "1000000", 36_500))).isEmpty();
        assertThat(fields(withPower("0.000001", "0", 1))).isEmpty();
        assertThat(fields(withPower("1E+1000", "1", 30))).containsExactly("charter.votingPower.pointsPerVote");
        assertThat(fields(withPower("0.0000001", "1", 30))).containsExactly("charter.votingPower.pointsPerVote");
        assertThat(fields(withPower("10", "1E-10000", 30))).containsExactly("charter.votingPower.maxBonus");
        assertThat(fields(withPower("10", "1000000.1", 30))).containsExactly("charter.votingPower.maxBonus");
        assertThat(fields(withPower("10", "1", 36_501))).containsExactly("charter.votingPower.windowDays");
    }

    @Test
    void aDelegationChainLimitIsZeroToAThousand() {
        Charter charter = CharterRules.complete(new Charter(List.of(new StakeholderClass("members", "Members", 100, 0)), null,
                null, null, new DelegationRule(true, 1001), null, null));
        assertThat(fields(charter)).containsExactly("charter.delegation.maxChainLength");
    }

    @Test
    void aClassWithoutAnIdOrWithAControlCharacterInItsNameIsRefused() {
        assertThat(fields(withClasses(new StakeholderClass(null, "Members", 100, 0)))).containsExactly("charter.classes[0].id");
        assertThat(fields(withClasses(new StakeholderClass("members", "Mem\u0000bers", 100, 0)))).containsExactly("charter.classes[0].name");
        assertThat(withClasses(new StakeholderClass(null, "Members", 100, 0)).hasClass("members")).isFalse();
    }

    @Test
    void aCharterHasAtMostTwentyClassesAndFiftyTopics() {
        List<StakeholderClass> classes = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            classes.add(new StakeholderClass("c" + i, "C" + i, i == 0 ? 100 : 0, 0));
        }
        assertThat(fields(withClasses(classes.toArray(StakeholderClass[]::new)))).containsExactly("charter.classes");
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            topics.add("t" + i);
        }
        assertThat(fields(CharterRules.complete(new Charter(List.of(new StakeholderClass("members", "Members", 100, 0)), topics,
                null, null, null, null, null)))).containsExactly("charter.topics");
    }

    @Test
    void decimalsGivenWithAnExponentAreKeptPlain() {
        Charter charter = withLedger(Map.of("WORK_HOURS", new BigDecimal("1E+3")), 2);
        assertThat(charter.ledger().rates().get("WORK_HOURS")).isEqualTo(new BigDecimal("1000"));
    }

    private static Charter withSeats(Map<String, Integer> seats) {
        return CharterRules.complete(new Charter(List.of(new StakeholderClass("workers", "Workers", 60, 0),
                new StakeholderClass("users", "Users", 40, 0)), null, null, null, null, null, null, null, seats));
    }

    @Test
    void boardSeatsAreOneToFiftyPerClass() {
        assertThat(fields(withSeats(Map.of("workers", 1, "users", 50)))).isEmpty();
        assertThat(fields(withSeats(Map.of("workers", 0)))).containsExactly("charter.seats.workers");
        assertThat(fields(withSeats(Map.of("users", 51)))).containsExactly("charter.seats.users");
        assertThat(fields(withSeats(Map.of("users", -3)))).containsExactly("charter.seats.users");
        java.util.Map<String, Integer> nullSeats = new java.util.HashMap<>();
        nullSeats.put("workers", null);
        assertThat(fields(withSeats(nullSeats))).containsExactly("charter.seats.workers");
    }

    @Test
    void boardSeatsAreOnlyForTheChartersOwnClasses() {
        assertThat(CharterRules.violations(withSeats(Map.of("workers", 2, "investors", 1))))
                .extracting(Violation::field, Violation::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("charter.seats.investors", "charter.seats-class-unknown"));
        assertThat(fields(withSeats(Map.of("Not A Slug", 1)))).containsExactly("charter.seats");
        java.util.Map<String, Integer> many = new java.util.HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            many.put("class-" + i, 1);
        }
        assertThat(fields(withSeats(many))).containsExactly("charter.seats");
    }

    @Test
    void aCharterWithoutBoardSeatsReadsAsBeforeAndNoSeatsIsNoSeats() {
        Charter before = withClasses(new StakeholderClass("members", "Members", 100, 0));
        assertThat(before.seats()).isNull();
        assertThat(before.seatsOrNone()).isEmpty();
        assertThat(withSeats(Map.of()).seats()).isNull();
        assertThat(withSeats(Map.of("workers", 2, "users", 1)).seats().keySet()).containsExactly("users", "workers");
    }
}
