package coop.plenum.governance.power;

import coop.plenum.governance.charter.VotingPowerMode;
import coop.plenum.governance.charter.VotingPowerRule;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Voting power": EQUAL → 1; CONTRIBUTION_WEIGHTED → 1 + min(maxBonus, points / pointsPerVote), 6 digits HALF_EVEN. */
class VotingPowerFormulaTest {

    private static VotingPowerRule weighted(String pointsPerVote, String maxBonus) {
        return new VotingPowerRule(VotingPowerMode.CONTRIBUTION_WEIGHTED, new BigDecimal(pointsPerVote), new BigDecimal(maxBonus), null);
    }

    @Test
    void equalPowerIsOneWhateverThePoints() {
        assertThat(VotingPowerFormula.power(VotingPowerRule.equal(), new BigDecimal("1234.5"))).isEqualTo("1.000000");
    }

    @Test
    void contributionWeightedPowerAddsPointsPerVoteUpToTheMaximumBonus() {
        assertThat(VotingPowerFormula.power(weighted("10", "2"), new BigDecimal("0"))).isEqualTo("1.000000");
        assertThat(VotingPowerFormula.power(weighted("10", "2"), new BigDecimal("15"))).isEqualTo("2.500000");
        assertThat(VotingPowerFormula.power(weighted("10", "2"), new BigDecimal("999"))).isEqualTo("3.000000");
    }

    @Test
    void theBonusIsRoundedToSixDigitsHalfEven() {
        // 1/3 → 0.333333; exact halves go to the even digit: 0.0000025 → 0.000002, 0.0000035 → 0.000004
        assertThat(VotingPowerFormula.power(weighted("3", "5"), new BigDecimal("1"))).isEqualTo("1.333333");
        assertThat(VotingPowerFormula.power(weighted("10", "5"), new BigDecimal("0.000025"))).isEqualTo("1.000002");
        assertThat(VotingPowerFormula.power(weighted("10", "5"), new BigDecimal("0.000035"))).isEqualTo("1.000004");
    }

    @Property(tries = 3000)
    void powerIsNeverBelowOneNorAboveOnePlusTheMaximumBonus(
            @ForAll @BigRange(min = "0", max = "1000000") @Scale(6) BigDecimal points,
            @ForAll @BigRange(min = "0.000001", max = "10000") @Scale(6) BigDecimal pointsPerVote,
            @ForAll @BigRange(min = "0", max = "100") @Scale(6) BigDecimal maxBonus) {
        BigDecimal power = VotingPowerFormula.power(new VotingPowerRule(VotingPowerMode.CONTRIBUTION_WEIGHTED, pointsPerVote,
                maxBonus, null), points);
        assertThat(power).isBetween(BigDecimal.ONE, BigDecimal.ONE.add(maxBonus));
        assertThat(power.scale()).isEqualTo(6);
    }

    @Property(tries = 2000)
    void morePointsNeverMeanLessPower(@ForAll @BigRange(min = "0", max = "100000") @Scale(6) BigDecimal points,
                                      @ForAll @BigRange(min = "0", max = "1000") @Scale(6) BigDecimal more) {
        VotingPowerRule rule = weighted("7.5", "3");
        assertThat(VotingPowerFormula.power(rule, points.add(more))).isGreaterThanOrEqualTo(VotingPowerFormula.power(rule, points));
    }
}
