package coop.plenum.web;

import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.charter.CharterRules;
import coop.plenum.governance.charter.LedgerRule;
import coop.plenum.governance.charter.StakeholderClass;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: the amendment's preview lists exactly the fields that change, each with its value in force and proposed. */
class CharterDiffTest {

    private static Charter charter(List<StakeholderClass> classes, List<String> topics, Map<String, BigDecimal> rates) {
        return CharterRules.complete(new Charter(classes, topics, null, null, null, null, new LedgerRule(rates, 2)));
    }

    private static final Charter IN_FORCE = charter(List.of(new StakeholderClass("workers", "Workers", 60, 50),
            new StakeholderClass("users", "Users", 40, 20)), List.of("energy"), Map.of("WORK_HOURS", new BigDecimal("1.000000")));

    @Test
    void theSameCharterChangesNothingAndNumbersCompareByValue() {
        Charter same = charter(List.of(new StakeholderClass("workers", "Workers", 60, 50),
                new StakeholderClass("users", "Users", 40, 20)), List.of("energy"), Map.of("WORK_HOURS", BigDecimal.ONE));
        assertThat(CharterDiff.between(IN_FORCE, same, Words.in(Locale.ENGLISH))).isEmpty();
    }

    @Test
    void eachChangedFieldIsOneLineAddedAndRemovedThingsIncluded() {
        Charter amended = charter(List.of(new StakeholderClass("workers", "Workers", 50, 50),
                        new StakeholderClass("makers", "Makers", 50, 10)), List.of("energy", "water"),
                Map.of("WORK_HOURS", BigDecimal.ONE, "MONEY", new BigDecimal("0.1")));
        assertThat(CharterDiff.between(IN_FORCE, amended, Words.in(Locale.ENGLISH))).containsExactly(
                new CharterDiff.Change("Class workers: weight", "60 %", "50 %"),
                new CharterDiff.Change("Class users", "Users, weight 40 %, quorum 20 %", ""),
                new CharterDiff.Change("Class makers", "", "Makers, weight 50 %, quorum 10 %"),
                new CharterDiff.Change("Topic water", "", "water"),
                new CharterDiff.Change("Rate MONEY", "", "0.1"));
    }

    @Test
    void aGermanReaderReadsTheChangedFieldsInGerman() {
        Charter amended = charter(List.of(new StakeholderClass("workers", "Workers", 50, 50),
                new StakeholderClass("users", "Users", 50, 20)), List.of("energy"), Map.of("WORK_HOURS", BigDecimal.ONE));
        assertThat(CharterDiff.between(IN_FORCE, amended, Words.in(Locale.GERMAN))).containsExactly(
                new CharterDiff.Change("Klasse workers: Gewicht", "60 %", "50 %"),
                new CharterDiff.Change("Klasse users: Gewicht", "40 %", "50 %"));
    }

    @Test
    void boardSeatsGivenChangedAndTakenAwayAreEachOneLinePerClass() {
        Charter seated = CharterRules.complete(new Charter(IN_FORCE.classes(), IN_FORCE.topics(), null, null, null, null,
                IN_FORCE.ledger(), null, Map.of("workers", 2, "users", 1)));
        assertThat(CharterDiff.between(IN_FORCE, seated, Words.in(Locale.ENGLISH))).containsExactly(
                new CharterDiff.Change("Class workers: board seats", "", "2"),
                new CharterDiff.Change("Class users: board seats", "", "1"));
        Charter fewer = CharterRules.complete(new Charter(IN_FORCE.classes(), IN_FORCE.topics(), null, null, null, null,
                IN_FORCE.ledger(), null, Map.of("workers", 3)));
        assertThat(CharterDiff.between(seated, fewer, Words.in(Locale.ENGLISH))).containsExactly(
                new CharterDiff.Change("Class workers: board seats", "2", "3"),
                new CharterDiff.Change("Class users: board seats", "1", ""));
    }
}
