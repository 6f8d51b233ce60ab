package coop.plenum.governance.account;

import java.time.Instant;

/**
 * A fact: the account's owner gave a script a personal access token. It carries the SHA-256 of the secret, never the
 * secret; {@code expiresAt} is null for a token that works until revoked.
 */
public record AccessTokenIssued(AccountId accountId,
                                AccessTokenId tokenId,
                                String name,
                                String tokenHash,
                                AccessTokenScope scope,
                                Instant expiresAt,
                                Instant issuedAt) {
}
