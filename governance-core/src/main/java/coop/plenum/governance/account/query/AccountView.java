package coop.plenum.governance.account.query;

import coop.plenum.governance.account.AccountId;

import java.time.Instant;

/**
 * An account as people see it: never its password hash. {@code timeZone} (IANA) and {@code language} are null until the
 * owner sets them; {@code email} is where resets go (null when none), shown only to the owner.
 */
public record AccountView(AccountId accountId, String username, String displayName, boolean operator, Instant createdAt,
                          String timeZone, String language, String email) {

    public AccountView(AccountId accountId, String username, String displayName, boolean operator, Instant createdAt) {
        this(accountId, username, displayName, operator, createdAt, null, null, null);
    }
}
