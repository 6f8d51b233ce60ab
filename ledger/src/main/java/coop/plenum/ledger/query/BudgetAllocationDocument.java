package coop.plenum.ledger.query;

import org.springframework.data.annotation.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A decided budget's allocations, keyed by ledger and deciding proposal so a redelivered event writes the same document. */
record BudgetAllocationDocument(@Id String id, String ledgerId, String decidedBy, String currency, BigDecimal budget,
                                BigDecimal leftover, Instant decidedAt, Instant recordedAt, List<Line> lines) {

    record Line(String project, String label, BigDecimal amount) {
    }
}
