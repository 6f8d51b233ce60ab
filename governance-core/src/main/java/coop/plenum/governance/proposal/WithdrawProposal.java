package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The author withdraws the proposal during deliberation. */
public record WithdrawProposal(@TargetAggregateIdentifier ProposalId proposalId) {
}
