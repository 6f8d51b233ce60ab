package coop.plenum.ledger.query;

import coop.plenum.ledger.LedgerId;

/** A ledger's revenues with their allocations, newest first; {@code project} optional. */
public record FindRevenues(LedgerId ledgerId, String project) {
}
