package coop.plenum.ledger.query;

import org.springframework.data.annotation.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A revenue with its allocations. */
record RevenueDocument(@Id String id, String ledgerId, String project, BigDecimal amount, String currency,
                       BigDecimal unallocated, Instant recordedAt, String recordedBy, List<Allocation> allocations) {

    record Allocation(String contributorId, BigDecimal amount, BigDecimal points, BigDecimal projectPoints) {
    }
}
