package coop.plenum.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put a (new) value equation in force, e.g. after a charter amendment. The same equation again records nothing. */
public record ConfigureValueEquation(@TargetAggregateIdentifier LedgerId ledgerId, ValueEquation equation) {
}
