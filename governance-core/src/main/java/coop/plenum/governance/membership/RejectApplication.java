package coop.plenum.governance.membership;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.CooperativeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A secretary turns an application down. */
public record RejectApplication(@TargetAggregateIdentifier CooperativeId cooperativeId, MemberId memberId) {
}
