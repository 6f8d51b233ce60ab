package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.tally.Outcome;

import java.time.Instant;

/**
 * A fact: voting closed at {@code closedAt} with this outcome. {@code approval} is the exact overall approval as a
 * fraction ("7/10", null when undecided) so an auditor's re-tally can be compared without rounding.
 */
public record VotingClosed(ProposalId proposalId, Instant closedAt, Outcome outcome, String approval) {
}
