package coop.plenum.ledger.query;

import org.springframework.data.annotation.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A decided budget's allocations, keyed by ledger and deciding proposal so a redelivered event writes the same
 * document; {@code spendings} holds one entry per line marked spent (absent in documents written before spending
 * was recorded, which is the same as none: no line could be spent then).
 */
record BudgetAllocationDocument(@Id String id, String ledgerId, String decidedBy, String currency, BigDecimal budget,
                                BigDecimal leftover, Instant decidedAt, Instant recordedAt, List<Line> lines,
                                List<Spending> spendings) {

    record Line(String project, String label, BigDecimal amount) {
    }

    record Spending(String project, BigDecimal spent, String note, String spentBy, Instant spentAt) {
    }
}
