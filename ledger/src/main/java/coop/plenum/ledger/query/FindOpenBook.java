package coop.plenum.ledger.query;

import coop.plenum.ledger.LedgerId;

/** Per-contributor points and earnings, per-project totals. */
public record FindOpenBook(LedgerId ledgerId) {
}
