package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.tally.Choice;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member of the electorate votes, or changes their vote (the last one counts). */
public record CastBallot(@TargetAggregateIdentifier ProposalId proposalId, MemberId memberId, Choice choice) {
}
