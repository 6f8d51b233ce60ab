package coop.plenum.governance.tally;

import coop.plenum.governance.voting.Ratio;

import java.math.BigDecimal;

/**
 * One stakeholder class in a tally. {@code weight} and {@code quorum} are the integer percents pinned at opening;
 * {@code electoratePower} is E, {@code yes}/{@code no}/{@code abstain} are Y, N, A (exact power sums).
 * <ul>
 *   <li>{@code participation} = (Y + N + A) / E, or {@code null} when the class dropped out (E = 0).</li>
 *   <li>{@code approval} = Y / (Y + N), or {@code null} when Y + N = 0 (the class is not in the approval step).</li>
 *   <li>{@code quorumMet}: participation ≥ quorum / 100. A dropped-out class has no quorum to meet and never stands
 *       in the way, so it reports {@code true}: the outcome is NO_QUORUM exactly when some class reports
 *       {@code false}.</li>
 *   <li>{@code droppedOut}: E = 0.</li>
 * </ul>
 */
public record ClassTally(String classId, int weight, int quorum,
                         BigDecimal electoratePower, BigDecimal yes, BigDecimal no, BigDecimal abstain,
                         Ratio participation, Ratio approval, boolean quorumMet, boolean droppedOut) {

    /** Y + N + A. */
    public BigDecimal turnout() {
        return yes.add(no).add(abstain);
    }

    /** Whether this class's approval enters the decision: it did not drop out and Y + N > 0. */
    public boolean inApprovalStep() {
        return approval != null;
    }
}
