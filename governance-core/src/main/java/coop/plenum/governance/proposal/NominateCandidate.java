package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * During deliberation of an ELECTION an ACTIVE member nominates {@code candidateMemberId} (themselves, or another
 * ACTIVE member, who then accepts or not) to stand for the candidate's own class.
 */
public record NominateCandidate(@TargetAggregateIdentifier ProposalId proposalId, MemberId candidateMemberId) {
}
