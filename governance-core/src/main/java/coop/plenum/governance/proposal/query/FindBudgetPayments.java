package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;

/** Query: what one member paid in a decided BUDGET vote (a {@link BudgetPaymentsView}; empty for an unknown proposal). */
public record FindBudgetPayments(ProposalId proposalId, MemberId memberId) {
}
