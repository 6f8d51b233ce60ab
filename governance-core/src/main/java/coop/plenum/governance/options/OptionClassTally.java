package coop.plenum.governance.options;

import coop.plenum.governance.voting.Ratio;

import java.math.BigDecimal;
import java.util.List;

/**
 * One stakeholder class in an option tally. {@code sums} holds, per option (in the proposal's order), the exact
 * power × score counted for it; {@code participating} the power of every member whose ballot (own or delegated)
 * counts. {@code shares} are s_c(o) = sum / (max score × participating), or {@code null} when the class takes no
 * part in the combination: it dropped out (E = 0) or no power of it participated. A dropped-out class has no quorum
 * to meet and reports {@code quorumMet = true}, as in YES_NO.
 */
public record OptionClassTally(String classId, int weight, int quorum, BigDecimal electoratePower,
                               BigDecimal participating, List<BigDecimal> sums, Ratio participation,
                               List<Ratio> shares, boolean quorumMet, boolean droppedOut) {

    public OptionClassTally {
        sums = List.copyOf(sums);
        shares = shares == null ? null : List.copyOf(shares);
    }

    public boolean inCombination() {
        return shares != null;
    }
}
