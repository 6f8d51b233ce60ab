package coop.plenum.api.ledger;

import coop.plenum.ledger.query.BudgetAllocationView;

import java.time.Instant;
import java.util.List;

/**
 * A decided budget in the ledger: the deciding proposal (id and title), the budget, what each funded project was
 * allocated, spent and has remaining, the totals of the three, and the leftover, amounts as decimal strings. A line
 * is {@code TO_BE_SPENT} until a secretary marks it {@code SPENT} (then {@code spentAt}, {@code spentBy} (an account
 * id) and the optional {@code note} say when, by whom and against what).
 */
record BudgetAllocationJson(String proposalId, String title, String currency, String budget, String allocated,
                            String spent, String remaining, String leftover, Instant decidedAt, List<LineJson> lines) {

    static final String TO_BE_SPENT = "TO_BE_SPENT";
    static final String SPENT = "SPENT";

    record LineJson(String project, String label, String amount, String status, String spent, String remaining,
                    Instant spentAt, String spentBy, String note) {
    }

    static BudgetAllocationJson of(BudgetAllocations.DecidedBudget decided) {
        BudgetAllocationView a = decided.allocation();
        return new BudgetAllocationJson(a.decidedBy(), decided.title(), a.currency(), a.budget().toPlainString(),
                a.allocated().toPlainString(), a.spent().toPlainString(), a.remaining().toPlainString(),
                a.leftover().toPlainString(), a.decidedAt(), a.lines().stream().map(l -> line(a, l)).toList());
    }

    private static LineJson line(BudgetAllocationView a, BudgetAllocationView.Line l) {
        var spending = l.spending();
        return new LineJson(l.project(), l.label(), l.amount().toPlainString(), l.isSpent() ? SPENT : TO_BE_SPENT,
                a.spentOn(l).toPlainString(), a.remainingOf(l).toPlainString(),
                spending == null ? null : spending.spentAt(), spending == null ? null : spending.spentBy(),
                spending == null ? null : spending.note());
    }
}
