package coop.plenum.governance.account.query;

import coop.plenum.governance.account.AccountId;

import java.time.Instant;

/** An account as people see it: never its password hash. */
public record AccountView(AccountId accountId, String username, String displayName, boolean operator, Instant createdAt) {
}
