package coop.plenum.governance.cooperative;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Apply the effect of an ACCEPTED proposal to the cooperative: amend the charter, admit an applicant, or expel a
 * member. Sent by the effects saga; applying the same decision again changes nothing.
 */
public record ApplyDecision(@TargetAggregateIdentifier CooperativeId cooperativeId, ProposalId proposalId, ProposalKind kind,
                            Charter charter, MemberId memberId) {
}
