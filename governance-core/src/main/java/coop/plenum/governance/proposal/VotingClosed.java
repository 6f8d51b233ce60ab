package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.tally.Outcome;

import java.time.Instant;
import java.util.List;

/**
 * A fact: voting closed at {@code closedAt} with this outcome. {@code approval} is the exact overall approval as a
 * fraction ("7/10", null when undecided) so an auditor's re-tally can be compared without rounding.
 * For an option method {@code approval} is the winners' exact combined score and {@code winners} names them (one, or
 * several on a TIE); YES_NO results, and those stored before voting methods, have no winners.
 */
public record VotingClosed(ProposalId proposalId, Instant closedAt, Outcome outcome, String approval,
                           List<String> winners) {

    /** A YES_NO result, as every result was before voting methods. */
    public VotingClosed(ProposalId proposalId, Instant closedAt, Outcome outcome, String approval) {
        this(proposalId, closedAt, outcome, approval, null);
    }
}
