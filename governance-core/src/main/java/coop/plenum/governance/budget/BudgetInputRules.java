package coop.plenum.governance.budget;

import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.kernel.Decimals;
import coop.plenum.kernel.Violation;
import coop.plenum.ledger.LedgerInputRules;

import java.math.BigDecimal;
import java.util.List;

/**
 * The bounds of a BUDGET submission (docs/tally.md "BUDGET"): a {@code budget} with an ISO 4217 {@code currency} and
 * an {@code amount} above 0 and at most {@link #MAX_AMOUNT}, in the currency's minor unit at most (EUR: cents);
 * every project ({@code options[i]}) has a {@code cost} with the same bounds. Other methods have neither a budget nor
 * costs. The project count (2 to 50) is the options' rule.
 */
public final class BudgetInputRules {

    /** A trillion units of the currency: more than any cooperative's budget, and exact sums stay small. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private BudgetInputRules() {
    }

    public static void submission(VoteMethod method, ProposalBudget budget, List<ProposalOption> options, List<Violation> v) {
        if (method != VoteMethod.BUDGET) {
            if (budget != null) {
                v.add(new Violation("budget", "proposal.budget-unexpected", "only a BUDGET proposal has a budget"));
            }
            if (options != null) {
                for (int i = 0; i < options.size(); i++) {
                    if (options.get(i) != null && options.get(i).cost() != null) {
                        v.add(new Violation("options[" + i + "].cost", "proposal.cost-unexpected",
                                "only the projects of a BUDGET proposal have a cost"));
                        break;
                    }
                }
            }
            return;
        }
        int minorDigits = -1;
        if (budget == null) {
            v.add(new Violation("budget", "proposal.budget-missing", "a BUDGET proposal has a budget {amount, currency}"));
        } else {
            minorDigits = LedgerInputRules.minorDigitsOf(budget.currency());
            if (minorDigits < 0) {
                v.add(new Violation("budget.currency", "proposal.budget-currency-unknown",
                        "currency is an ISO 4217 code such as EUR, USD or JPY"));
            }
            amount("budget.amount", budget.amount(), budget.currency(), minorDigits, "proposal.budget-amount-invalid", v);
        }
        if (options == null) {
            return;
        }
        for (int i = 0; i < options.size(); i++) {
            ProposalOption o = options.get(i);
            if (o != null) {
                amount("options[" + i + "].cost", o.cost(), budget == null ? null : budget.currency(), minorDigits,
                        "proposal.cost-invalid", v);
            }
        }
    }

    /** Above 0, at most {@link #MAX_AMOUNT}, in the currency's minor unit at most (when the currency is known). */
    private static void amount(String field, BigDecimal amount, String currency, int minorDigits, String code,
                               List<Violation> v) {
        int digits = Math.max(0, minorDigits);
        if (!Decimals.isWithin(amount, BigDecimal.ZERO, true, MAX_AMOUNT, minorDigits < 0 ? Integer.MAX_VALUE : digits)) {
            v.add(new Violation(field, code, field + " is a number above 0 and at most " + MAX_AMOUNT.toPlainString()
                    + (minorDigits < 0 ? "" : ", with at most " + digits + " decimal places in " + currency)));
        }
    }
}
