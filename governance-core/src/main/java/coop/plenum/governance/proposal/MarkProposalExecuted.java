package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that an accepted proposal's effect was applied (sent by the effects saga). */
public record MarkProposalExecuted(@TargetAggregateIdentifier ProposalId proposalId) {
}
