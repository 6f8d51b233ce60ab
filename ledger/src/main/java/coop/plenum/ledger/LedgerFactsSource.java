package coop.plenum.ledger;

import java.util.Optional;

/** Loads a ledger's facts inside the current command's unit of work; empty when the ledger is not opened (yet). */
@FunctionalInterface
public interface LedgerFactsSource {

    Optional<LedgerFacts> facts(LedgerId ledgerId);
}
