package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.ProposalId;

/** Query: one proposal's page, or nothing. */
public record FindProposal(ProposalId proposalId) {
}
