package coop.plenum.governance.membership;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.CooperativeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member leaves the cooperative (only the member themselves). */
public record WithdrawMembership(@TargetAggregateIdentifier CooperativeId cooperativeId, MemberId memberId) {
}
