package coop.plenum.ledger.query;

import coop.plenum.ledger.LedgerId;

/**
 * A ledger's contributions still waiting for verdicts (PENDING), oldest first: read through a short list of their ids
 * kept per ledger, so asking costs the pending contributions, not the ledger's whole history.
 */
public record FindPendingContributions(LedgerId ledgerId) {
}
