package coop.plenum.governance.account.login;

import coop.plenum.governance.account.AccessTokenId;
import coop.plenum.governance.account.AccessTokenScope;
import coop.plenum.governance.account.AccountId;

import java.time.Instant;

/** What authentication needs to know about a live access token and its account. */
public record AccessTokenLogin(AccessTokenId tokenId, AccessTokenScope scope, Instant lastUsedAt,
                               AccountId accountId, String username, String displayName, boolean operator) {
}
