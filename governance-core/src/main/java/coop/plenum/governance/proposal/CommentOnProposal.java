package coop.plenum.governance.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An ACTIVE member comments during deliberation or voting. */
public record CommentOnProposal(@TargetAggregateIdentifier ProposalId proposalId, String commentId, String text) {
}
