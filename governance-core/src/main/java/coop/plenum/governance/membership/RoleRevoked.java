package coop.plenum.governance.membership;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;

import java.time.Instant;

/** A fact: an account no longer holds a role in the cooperative. */
public record RoleRevoked(CooperativeId cooperativeId, AccountId accountId, Role role, Instant revokedAt) {
}
