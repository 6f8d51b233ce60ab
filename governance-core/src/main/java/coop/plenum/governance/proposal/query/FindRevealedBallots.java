package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.ProposalId;

/** Query: the anonymous ballots a closed secret vote revealed (a {@link RevealedBallotsView}). */
public record FindRevealedBallots(ProposalId proposalId) {
}
