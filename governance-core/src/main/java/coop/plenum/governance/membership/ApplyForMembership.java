package coop.plenum.governance.membership;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.cooperative.CooperativeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An account asks to join a cooperative in a stakeholder class. */
public record ApplyForMembership(@TargetAggregateIdentifier CooperativeId cooperativeId, MemberId memberId,
                                 AccountId accountId, String classId) {
}
