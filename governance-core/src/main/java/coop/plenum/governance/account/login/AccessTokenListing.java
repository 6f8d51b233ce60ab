package coop.plenum.governance.account.login;

import coop.plenum.governance.account.AccessTokenId;
import coop.plenum.governance.account.AccessTokenScope;

import java.time.Instant;

/** A token as its owner sees it in the list: never the secret, never the hash. */
public record AccessTokenListing(AccessTokenId tokenId, String name, AccessTokenScope scope, Instant issuedAt,
                                 Instant expiresAt, Instant lastUsedAt) {
}
