package coop.plenum.ledger.query;

import coop.plenum.ledger.LedgerInputRules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A decided budget as the ledger shows it: which decision ({@code decidedBy}, the proposal's id) allocated what to
 * which project, in the order the decision funded them, and for each line what was spent on it, if it was marked
 * spent. Spent and remaining amounts are in the currency's minor unit; {@code remaining} is allocated − spent: still
 * to be spent on an open line, left unspent on a spent one.
 */
public record BudgetAllocationView(String decidedBy, String currency, BigDecimal budget, BigDecimal leftover,
                                   Instant decidedAt, Instant recordedAt, List<Line> lines) {

    public BudgetAllocationView {
        lines = List.copyOf(lines);
    }

    /** One funded project; {@code spending} is null while it is to be spent. */
    public record Line(String project, String label, BigDecimal amount, Spending spending) {

        public boolean isSpent() {
            return spending != null;
        }
    }

    /** What a secretary ({@code spentBy}, an account id) recorded as spent on a line, when, with an optional note. */
    public record Spending(BigDecimal spent, String note, String spentBy, Instant spentAt) {
    }

    /** What the lines allocate together, in the currency's minor unit. */
    public BigDecimal allocated() {
        return inMinorUnit(lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** What a line allocates, in the currency's minor unit ({@code 60} EUR as {@code 60.00}). */
    public BigDecimal allocatedTo(Line line) {
        return inMinorUnit(line.amount());
    }

    /** What a line spent: 0 (in the currency's minor unit) while it is to be spent. */
    public BigDecimal spentOn(Line line) {
        return line.isSpent() ? line.spending().spent() : inMinorUnit(BigDecimal.ZERO);
    }

    /** allocated − spent of one line, in the currency's minor unit. */
    public BigDecimal remainingOf(Line line) {
        return inMinorUnit(line.amount().subtract(spentOn(line)));
    }

    /** What the lines spent together. */
    public BigDecimal spent() {
        return inMinorUnit(lines.stream().map(this::spentOn).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** What the lines allocate and did not spend (yet), together. */
    public BigDecimal remaining() {
        return inMinorUnit(allocated().subtract(spent()));
    }

    /** Whether every line is marked spent (a budget with no lines is not). */
    public boolean fullySpent() {
        return !lines.isEmpty() && lines.stream().allMatch(Line::isSpent);
    }

    private BigDecimal inMinorUnit(BigDecimal amount) {
        // every recorded amount is within the currency's minor unit (LedgerInputRules), so this never rounds
        return amount.setScale(Math.max(0, LedgerInputRules.minorDigitsOf(currency)));
    }
}
