package coop.plenum.governance.proposal;

import coop.plenum.governance.cooperative.CooperativeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An ACTIVE member proposes; without a schedule a secretary opens and closes the vote. */
public record SubmitProposal(@TargetAggregateIdentifier ProposalId proposalId, CooperativeId cooperativeId, String title,
                             String body, String topic, ProposalKind kind, ProposalEffect effect,
                             Instant votingOpensAt, Instant votingClosesAt) {
}
