package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.ProposalId;

/** Query: a proposal's summary only (cheap: leaves the electorate and ballots out), or nothing. */
public record FindProposalSummary(ProposalId proposalId) {
}
