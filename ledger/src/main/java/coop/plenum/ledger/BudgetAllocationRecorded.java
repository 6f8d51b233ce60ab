package coop.plenum.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A fact: a decision ({@code decidedBy}, the deciding proposal's id) allocated part of a {@code budget} in
 * {@code currency} to these projects, each line an amount to be spent on it; {@code leftover} stayed unallocated.
 * {@code decidedAt} is when the decision closed, {@code recordedAt} when the ledger learnt of it.
 */
public record BudgetAllocationRecorded(LedgerId ledgerId, String decidedBy, String currency, BigDecimal budget,
                                       List<BudgetAllocationLine> lines, BigDecimal leftover, Instant decidedAt,
                                       Instant recordedAt) {

    public BudgetAllocationRecorded {
        lines = List.copyOf(lines);
    }
}
