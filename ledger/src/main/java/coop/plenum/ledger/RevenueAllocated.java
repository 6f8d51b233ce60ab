package coop.plenum.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A fact: a contributor's share of a revenue, pro rata to their accepted {@code points} out of the project's
 * {@code projectPoints} at that moment, in the currency's minor unit.
 */
public record RevenueAllocated(LedgerId ledgerId, RevenueId revenueId, ContributorId contributorId, String project,
                               BigDecimal amount, String currency, BigDecimal points, BigDecimal projectPoints,
                               Instant allocatedAt) {
}
