package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The nominated member accepts to stand (during deliberation of an ELECTION). */
public record AcceptNomination(@TargetAggregateIdentifier ProposalId proposalId, MemberId candidateMemberId) {
}
