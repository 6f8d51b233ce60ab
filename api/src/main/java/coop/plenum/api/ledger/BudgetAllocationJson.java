package coop.plenum.api.ledger;

import java.time.Instant;
import java.util.List;

/**
 * A decided budget in the ledger: the deciding proposal (id and title), the budget, what each funded project was
 * allocated and the leftover, amounts as decimal strings. Every line is {@code TO_BE_SPENT}: spending is not recorded yet.
 */
record BudgetAllocationJson(String proposalId, String title, String currency, String budget, String allocated,
                            String leftover, Instant decidedAt, List<LineJson> lines) {

    static final String TO_BE_SPENT = "TO_BE_SPENT";

    record LineJson(String project, String label, String amount, String status) {
    }

    static BudgetAllocationJson of(BudgetAllocations.DecidedBudget decided) {
        var a = decided.allocation();
        return new BudgetAllocationJson(a.decidedBy(), decided.title(), a.currency(), a.budget().toPlainString(),
                a.allocated().toPlainString(), a.leftover().toPlainString(), a.decidedAt(),
                a.lines().stream().map(l -> new LineJson(l.project(), l.label(), l.amount().toPlainString(), TO_BE_SPENT)).toList());
    }
}
