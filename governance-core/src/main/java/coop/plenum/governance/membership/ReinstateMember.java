package coop.plenum.governance.membership;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.CooperativeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A secretary reinstates a SUSPENDED member. */
public record ReinstateMember(@TargetAggregateIdentifier CooperativeId cooperativeId, MemberId memberId) {
}
