package coop.plenum.governance.account;

import java.time.Instant;

/** A fact: a reset link (known here only by its SHA-256) was mailed; it works once, before {@code expiresAt}. */
public record PasswordResetRequested(AccountId accountId, String tokenHash, Instant expiresAt, Instant requestedAt) {
}
