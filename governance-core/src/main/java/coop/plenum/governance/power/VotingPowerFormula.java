package coop.plenum.governance.power;

import coop.plenum.governance.charter.VotingPowerMode;
import coop.plenum.governance.charter.VotingPowerRule;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * SPEC "Voting power": {@code EQUAL} → 1; {@code CONTRIBUTION_WEIGHTED} → {@code 1 + min(maxBonus, points / pointsPerVote)},
 * six fractional digits, HALF_EVEN. Pure and exact: no floating point.
 */
public final class VotingPowerFormula {

    public static final int SCALE = 6;

    private VotingPowerFormula() {
    }

    public static BigDecimal power(VotingPowerRule rule, BigDecimal acceptedPoints) {
        if (rule.mode() == VotingPowerMode.EQUAL) {
            return BigDecimal.ONE.setScale(SCALE, RoundingMode.HALF_EVEN);
        }
        BigDecimal bonus = acceptedPoints.divide(rule.pointsPerVote(), SCALE, RoundingMode.HALF_EVEN);
        return BigDecimal.ONE.add(bonus.min(rule.maxBonus())).setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
