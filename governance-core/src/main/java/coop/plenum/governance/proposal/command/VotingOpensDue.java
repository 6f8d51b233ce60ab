package coop.plenum.governance.proposal.command;

import coop.plenum.governance.ids.ProposalId;

/** Payload of the persistent deadline that opens a scheduled vote. */
record VotingOpensDue(ProposalId proposalId) {
}
