package coop.plenum.api.ledger;

import coop.plenum.ledger.query.OpenBookView;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-member points and earnings, per-project totals; money per currency as decimal strings; {@code budgets}: the
 * decided budgets, the latest first, as {@code GET …/allocations} lists them (allocated, spent, remaining per line).
 */
record OpenBookJson(List<MemberTotals> members, List<ProjectTotals> projects, List<BudgetAllocationJson> budgets) {

    record MemberTotals(String memberId, String displayName, String acceptedPoints, int accepted, int pending, int rejected,
                        Map<String, String> earnings) {
    }

    record ProjectTotals(String project, String acceptedPoints, int accepted, int pending, int rejected,
                         Map<String, String> revenue, Map<String, String> unallocated) {
    }

    static OpenBookJson of(OpenBookView book, Map<String, String> names, List<BudgetAllocations.DecidedBudget> budgets) {
        return new OpenBookJson(
                book.contributors().stream().map(c -> new MemberTotals(c.contributorId().value(), names.get(c.contributorId().value()),
                        c.acceptedPoints().toPlainString(), c.accepted(), c.pending(), c.rejected(), text(c.earnings()))).toList(),
                book.projects().stream().map(p -> new ProjectTotals(p.project(), p.acceptedPoints().toPlainString(), p.accepted(),
                        p.pending(), p.rejected(), text(p.revenue()), text(p.unallocated()))).toList(),
                budgets.stream().map(BudgetAllocationJson::of).toList());
    }

    private static Map<String, String> text(Map<String, BigDecimal> money) {
        Map<String, String> out = new TreeMap<>();
        money.forEach((currency, amount) -> out.put(currency, amount.toPlainString()));
        return out;
    }
}
