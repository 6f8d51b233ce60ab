package coop.plenum.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let this account record revenues (the cooperative's secretaries). Granting twice records nothing. */
public record GrantBookkeeping(@TargetAggregateIdentifier LedgerId ledgerId, String accountId) {
}
