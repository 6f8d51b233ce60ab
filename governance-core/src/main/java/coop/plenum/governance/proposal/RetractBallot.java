package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.ids.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member takes their ballot back while voting is open (their delegation applies again). */
public record RetractBallot(@TargetAggregateIdentifier ProposalId proposalId, MemberId memberId) {
}
