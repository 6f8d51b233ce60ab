package coop.plenum.governance.membership;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.CooperativeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A secretary suspends an ACTIVE member. */
public record SuspendMember(@TargetAggregateIdentifier CooperativeId cooperativeId, MemberId memberId) {
}
