package coop.plenum.governance.delegation;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member takes back a delegation (always allowed; revoking none records nothing). */
public record RevokeDelegation(@TargetAggregateIdentifier CooperativeId cooperativeId, MemberId memberId, String scope) {
}
