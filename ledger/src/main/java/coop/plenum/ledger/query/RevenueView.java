package coop.plenum.ledger.query;

import coop.plenum.ledger.ContributorId;
import coop.plenum.ledger.RevenueId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A revenue, who recorded it, and how it was shared. */
public record RevenueView(RevenueId revenueId, String project, BigDecimal amount, String currency, BigDecimal unallocated,
                          Instant recordedAt, String recordedBy, List<Allocation> allocations) {

    public record Allocation(ContributorId contributorId, BigDecimal amount, BigDecimal points, BigDecimal projectPoints) {
    }
}
