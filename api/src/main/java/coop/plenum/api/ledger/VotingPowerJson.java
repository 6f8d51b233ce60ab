package coop.plenum.api.ledger;

import java.time.Instant;
import java.util.List;

/**
 * The voting power shape clients rely on (SPEC "HTTP API": {@code memberId, power, points}), with the rule that
 * turns points into power and the accepted contributions the points come from.
 */
record VotingPowerJson(String memberId, String power, String points, Instant asOf, String mode, String pointsPerVote,
                       String maxBonus, Integer windowDays, List<ContributionJson> contributions) {
}
