package coop.plenum.web;

import coop.plenum.governance.charter.AdmissionPolicy;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.charter.CharterRules;
import coop.plenum.governance.charter.LedgerRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.kernel.Violation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The amendment form reads back the charter it starts from, board seats and the rules it does not show included. */
class CharterFormTest {

    private static final Charter IN_FORCE = CharterRules.complete(new Charter(List.of(
            new StakeholderClass("workers", "Workers", 60, 50), new StakeholderClass("users", "Users", 40, 20)),
            List.of("energy"), null, null, null, AdmissionPolicy.VOTE, new LedgerRule(Map.of("WORK_HOURS", BigDecimal.ONE), 2),
            false, Map.of("workers", 2)));

    @Test
    void theFormUntouchedIsTheCharterInForceWithItsSeatsAndItsSecretPeopleVotes() {
        List<Violation> v = new ArrayList<>();
        Charter read = CharterRules.complete(CharterForm.of(IN_FORCE).charter(v, IN_FORCE.secretPeopleVotes()));
        assertThat(v).isEmpty();
        assertThat(read.seats()).isEqualTo(Map.of("workers", 2));
        assertThat(read.secretPeopleVotes()).isFalse();
        assertThat(CharterDiff.between(IN_FORCE, read, Words.in(java.util.Locale.ENGLISH))).isEmpty();
    }

    @Test
    void aClassRowsBoardSeatsThatAreNoWholeNumberAreNamedByTheClass() {
        CharterForm.ClassRow typed = new CharterForm.ClassRow("workers", "Workers", "60", "50", "two");
        CharterForm form = CharterForm.of(IN_FORCE);
        CharterForm withTypo = new CharterForm(List.of(typed, form.classes().get(1)), form.topics(), form.threshold(),
                form.classRule(), form.powerMode(), form.pointsPerVote(), form.maxBonus(), form.windowDays(),
                form.delegationEnabled(), form.maxChainLength(), form.admission(), form.rates(), form.requiredEvaluations());
        List<Violation> v = new ArrayList<>();
        withTypo.charter(v, null);
        assertThat(v).extracting(Violation::field).containsExactly("seats.workers");
    }
}
