package coop.plenum.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** This account no longer records revenues. Revoking what was not granted records nothing. */
public record RevokeBookkeeping(@TargetAggregateIdentifier LedgerId ledgerId, String accountId) {
}
