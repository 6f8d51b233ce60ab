package coop.plenum.ledger.query;

import coop.plenum.ledger.LedgerId;

/** A ledger's budget allocations, the latest decision first. */
public record FindBudgetAllocations(LedgerId ledgerId) {
}
