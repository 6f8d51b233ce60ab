package coop.plenum.governance.account;

import java.time.Instant;

/** A fact: password resets for this account are mailed to {@code email} (stored lowercased) from now on. */
public record AccountEmailChanged(AccountId accountId, String email, Instant changedAt) {
}
