package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A secretary opens the vote of a proposal that has no scheduled opening. */
public record OpenVoting(@TargetAggregateIdentifier ProposalId proposalId) {
}
