package coop.plenum.governance.charter;

import java.math.BigDecimal;

/**
 * {@code EQUAL}: everyone has power 1. {@code CONTRIBUTION_WEIGHTED}: {@code 1 + min(maxBonus, points / pointsPerVote)},
 * counting only contributions of the last {@code windowDays} when that is set.
 */
public record VotingPowerRule(VotingPowerMode mode, BigDecimal pointsPerVote, BigDecimal maxBonus, Integer windowDays) {

    public static VotingPowerRule equal() {
        return new VotingPowerRule(VotingPowerMode.EQUAL, null, null, null);
    }
}
