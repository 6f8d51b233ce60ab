package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalState;
import coop.plenum.governance.proposal.RevealedBallot;

import java.util.List;

/**
 * A secret vote's revealed ballots in their published order (by receipt tag), or none while it is still open
 * ({@code state} VOTING) or when it is no secret vote ({@code secret} false).
 */
public record RevealedBallotsView(ProposalId proposalId, ProposalState state, boolean secret, List<RevealedBallot> ballots) {
}
