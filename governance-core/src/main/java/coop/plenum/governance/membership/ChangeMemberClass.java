package coop.plenum.governance.membership;

import coop.plenum.governance.cooperative.CooperativeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A secretary moves an ACTIVE member to another stakeholder class. */
public record ChangeMemberClass(@TargetAggregateIdentifier CooperativeId cooperativeId, MemberId memberId, String classId) {
}
