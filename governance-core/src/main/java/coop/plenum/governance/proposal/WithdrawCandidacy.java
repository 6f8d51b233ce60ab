package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The nominated member withdraws (a nomination not accepted yet, or an accepted candidacy), during deliberation. */
public record WithdrawCandidacy(@TargetAggregateIdentifier ProposalId proposalId, MemberId candidateMemberId) {
}
