package coop.plenum.governance.account;

import java.time.Instant;

/** A fact: the account's owner revoked a personal access token; from this event on it authenticates nobody. */
public record AccessTokenRevoked(AccountId accountId, AccessTokenId tokenId, Instant revokedAt) {
}
