package coop.plenum.governance.proposal.command;

import coop.plenum.governance.ids.ProposalId;

/** Payload of the persistent deadline that closes a scheduled vote. */
record VotingClosesDue(ProposalId proposalId) {
}
