package coop.plenum.api.ledger;

import coop.plenum.ledger.query.BudgetAllocationView;
import coop.plenum.ledger.query.ContributionView;
import coop.plenum.ledger.query.RevenueView;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The open book as CSV (RFC 4180, UTF-8): one row per contribution, evaluation, revenue and allocation, in the
 * order they happened. Free text that a spreadsheet would run as a formula is prefixed with an apostrophe.
 * <p>
 * Decided budgets (issue 15) add, in the same columns: a {@code BUDGET_ALLOCATION} row per funded project when the
 * ledger recorded the decision (project id, amount allocated and currency; the description names the project and the
 * deciding proposal) and a {@code BUDGET_SPENT} row when a secretary marked the line spent (amount spent, the note as
 * description). The header and every other row are as before, so existing readers of the file are unaffected.
 */
public final class OpenBookCsv {

    static final String HEADER = "entry,at,contributionId,revenueId,memberId,member,project,type,quantity,rate,status,points,"
            + "verdict,amount,currency,description\r\n";

    private record Row(Instant at, int order, String line) {
    }

    private OpenBookCsv() {
    }

    public static String of(List<ContributionView> contributions, List<RevenueView> revenues, Map<String, String> names) {
        return of(contributions, revenues, List.of(), names);
    }

    public static String of(List<ContributionView> contributions, List<RevenueView> revenues,
                            List<BudgetAllocationView> budgets, Map<String, String> names) {
        List<Row> rows = new ArrayList<>();
        for (ContributionView c : contributions) {
            String member = c.contributorId().value();
            rows.add(new Row(c.loggedAt(), 0, line("CONTRIBUTION", c.loggedAt(), c.contributionId().value(), "", member,
                    names.get(member), c.project(), c.type(), plain(c.quantity()), plain(c.rate()), c.status().name(),
                    plain(c.points()), "", "", "", c.description())));
            for (ContributionView.Evaluation e : c.evaluations()) {
                String evaluator = e.evaluatorId().value();
                rows.add(new Row(e.evaluatedAt(), 1, line("EVALUATION", e.evaluatedAt(), c.contributionId().value(), "", evaluator,
                        names.get(evaluator), c.project(), "", "", "", "", "", e.verdict().name(), "", "", e.note())));
            }
        }
        for (RevenueView r : revenues) {
            rows.add(new Row(r.recordedAt(), 2, line("REVENUE", r.recordedAt(), "", r.revenueId().value(), "", "", r.project(),
                    "", "", "", "", "", "", plain(r.amount()), r.currency(),
                    r.unallocated().signum() > 0 ? "unallocated " + plain(r.unallocated()) : "")));
            for (RevenueView.Allocation a : r.allocations()) {
                String member = a.contributorId().value();
                rows.add(new Row(r.recordedAt(), 3, line("ALLOCATION", r.recordedAt(), "", r.revenueId().value(), member,
                        names.get(member), r.project(), "", "", "", "", plain(a.points()), "", plain(a.amount()), r.currency(), "")));
            }
        }
        for (BudgetAllocationView b : budgets) {
            for (BudgetAllocationView.Line l : b.lines()) {
                rows.add(new Row(b.recordedAt(), 4, line("BUDGET_ALLOCATION", b.recordedAt(), "", "", "", "", l.project(), "", "",
                        "", "", "", "", plain(b.allocatedTo(l)), b.currency(), l.label() + " (proposal " + b.decidedBy() + ")")));
                if (l.isSpent()) {
                    Instant at = l.spending().spentAt();
                    rows.add(new Row(at, 5, line("BUDGET_SPENT", at, "", "", "", "", l.project(), "", "", "", "", "", "",
                            plain(l.spending().spent()), b.currency(), l.spending().note())));
                }
            }
        }
        rows.sort(Comparator.comparing(Row::at).thenComparingInt(Row::order));
        StringBuilder out = new StringBuilder(HEADER);
        rows.forEach(row -> out.append(row.line()));
        return out.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String line(String entry, Instant at, String... cells) {
        StringBuilder line = new StringBuilder(entry).append(',').append(at);
        for (String cell : cells) {
            line.append(',').append(cell(cell));
        }
        return line.append("\r\n").toString();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
