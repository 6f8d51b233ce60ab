package coop.plenum.ledger;

import java.time.Instant;

/** A fact: contributions logged from {@code configuredAt} on use this equation's rates and required evaluations. */
public record ValueEquationConfigured(LedgerId ledgerId, ValueEquation equation, Instant configuredAt) {
}
