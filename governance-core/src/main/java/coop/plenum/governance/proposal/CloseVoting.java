package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A secretary closes the vote of a proposal that has no scheduled closing. */
public record CloseVoting(@TargetAggregateIdentifier ProposalId proposalId) {
}
