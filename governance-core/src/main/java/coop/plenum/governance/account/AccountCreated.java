package coop.plenum.governance.account;

import java.time.Instant;

/** A fact: a person got a login with this username and display name; {@code operator} marks platform operators. */
public record AccountCreated(AccountId accountId,
                             String username,
                             String displayName,
                             String passwordHash,
                             boolean operator,
                             Instant createdAt) {
}
