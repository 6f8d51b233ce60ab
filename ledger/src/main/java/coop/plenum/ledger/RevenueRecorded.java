package coop.plenum.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A fact: a project earned {@code amount} in {@code currency} (ISO 4217). Its allocations follow as
 * {@link RevenueAllocated} events; {@code unallocated} is the whole amount when the project had no accepted
 * points, otherwise zero.
 */
public record RevenueRecorded(LedgerId ledgerId, RevenueId revenueId, String project, BigDecimal amount, String currency,
                              BigDecimal unallocated, Instant recordedAt) {
}
