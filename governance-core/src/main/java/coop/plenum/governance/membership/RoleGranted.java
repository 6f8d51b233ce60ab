package coop.plenum.governance.membership;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;

import java.time.Instant;

/** A fact: an account was given a role (SECRETARY or AUDITOR) in the cooperative. */
public record RoleGranted(CooperativeId cooperativeId, AccountId accountId, Role role, Instant grantedAt) {
}
