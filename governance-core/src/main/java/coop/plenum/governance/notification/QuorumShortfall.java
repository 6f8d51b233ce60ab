package coop.plenum.governance.notification;

import java.math.BigDecimal;

/**
 * A class short of its quorum at an instant: of the class's electorate power {@code electoratePower}, {@code counted}
 * was counted (own ballots and ballots reached through delegation), and {@code missing} more is needed to reach
 * {@code quorumPercent} percent. Exact decimals.
 */
public record QuorumShortfall(String classId, int quorumPercent, BigDecimal electoratePower, BigDecimal counted,
                              BigDecimal missing) {
}
