package coop.plenum.governance.membership;

import coop.plenum.governance.cooperative.CooperativeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A secretary suspends an ACTIVE member. */
public record SuspendMember(@TargetAggregateIdentifier CooperativeId cooperativeId, MemberId memberId) {
}
