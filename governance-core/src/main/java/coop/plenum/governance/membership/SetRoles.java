package coop.plenum.governance.membership;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.cooperative.CooperativeId;
import coop.plenum.governance.cooperative.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** A secretary sets which of SECRETARY and AUDITOR an account holds in the cooperative (the whole set). */
public record SetRoles(@TargetAggregateIdentifier CooperativeId cooperativeId, AccountId accountId, Set<Role> roles) {
}
