package coop.plenum.governance.delegation;

import coop.plenum.governance.cooperative.CooperativeId;
import coop.plenum.governance.membership.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A member entrusts their vote to another ACTIVE member of the cooperative, for one topic or, with scope
 * {@code _global}, for every topic without a delegation of its own. Delegating again replaces the delegate.
 */
public record DelegateVote(@TargetAggregateIdentifier CooperativeId cooperativeId, MemberId memberId, String scope,
                           MemberId delegateId) {
}
