package coop.plenum.governance.proposal.query;

import coop.plenum.governance.budget.MemberPayments;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.proposal.ProposalState;
import coop.plenum.governance.tally.Outcome;

import java.util.Map;

/**
 * What a member paid in a BUDGET vote, or why there is nothing to tell: {@code payments} is set only for an open-ballot
 * BUDGET vote that is decided (CLOSED or EXECUTED) and a member of its electorate ({@code inElectorate}); whoever
 * reads it says no for the other cases from {@code method}, {@code secret} and {@code state}. Once decided, only an
 * ACCEPTED budget funds anything: after NO_QUORUM or REJECTED every member paid nothing. {@code labels}: project id
 * → label, for the funded projects a member paid towards; {@code currency}: the budget's.
 */
public record BudgetPaymentsView(ProposalId proposalId, CooperativeId cooperativeId, VoteMethod method, boolean secret,
                                 ProposalState state, Outcome outcome, String currency, boolean inElectorate,
                                 MemberPayments payments, Map<String, String> labels) {

    public BudgetPaymentsView {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public boolean decided() {
        return state == ProposalState.CLOSED || state == ProposalState.EXECUTED;
    }
}
