package coop.plenum.ledger.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A decided budget as the ledger shows it: which decision ({@code decidedBy}, the proposal's id) allocated what to
 * which project, in the order the decision funded them, all still to be spent.
 */
public record BudgetAllocationView(String decidedBy, String currency, BigDecimal budget, BigDecimal leftover,
                                   Instant decidedAt, Instant recordedAt, List<Line> lines) {

    public BudgetAllocationView {
        lines = List.copyOf(lines);
    }

    public record Line(String project, String label, BigDecimal amount) {
    }

    /** What the lines allocate together. */
    public BigDecimal allocated() {
        return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
