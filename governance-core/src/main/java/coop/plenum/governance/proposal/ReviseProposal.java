package coop.plenum.governance.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The author edits title and body during deliberation. */
public record ReviseProposal(@TargetAggregateIdentifier ProposalId proposalId, String title, String body) {
}
