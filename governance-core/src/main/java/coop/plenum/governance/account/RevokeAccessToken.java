package coop.plenum.governance.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a personal access token of this account from working, at once. */
public record RevokeAccessToken(@TargetAggregateIdentifier AccountId accountId, AccessTokenId tokenId) {
}
