package coop.plenum.governance.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Give a script a personal access token of this account. Only the SHA-256 of the secret travels here: the API
 * shows the secret once and forgets it. {@code expiresAt} is optional (no expiry), otherwise within a year.
 */
public record IssueAccessToken(@TargetAggregateIdentifier AccountId accountId,
                               AccessTokenId tokenId,
                               String name,
                               String tokenHash,
                               AccessTokenScope scope,
                               Instant expiresAt) {
}
