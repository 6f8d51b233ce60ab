package coop.plenum.governance.options;

import coop.plenum.governance.voting.Ratio;

import java.math.BigDecimal;

/**
 * One class in a consent tally: the exact power counted CONSENT, STAND_ASIDE and OBJECT (a delegated objection counts
 * as STAND_ASIDE: objections are personal), participation and quorum. A dropped-out class (E = 0) reports
 * {@code quorumMet = true}, as in YES_NO.
 */
public record ConsentClassTally(String classId, int weight, int quorum, BigDecimal electoratePower, BigDecimal consent,
                                BigDecimal standAside, BigDecimal object, Ratio participation, boolean quorumMet,
                                boolean droppedOut) {
}
