package coop.plenum.web;

import coop.plenum.api.proposal.BudgetPaymentsJson;
import coop.plenum.governance.budget.MemberPayments;
import coop.plenum.governance.proposal.query.BudgetPaymentsView;
import coop.plenum.governance.tally.Outcome;

import java.util.List;

/**
 * Issue 15: on a decided budget's result panel, what the signed-in member paid, in their language: "You paid 60.00 EUR
 * towards Community garden." (amounts in the currency's minor unit; with several projects each named with its amount).
 * Nothing to say when the budget funded nothing, the member took no part, or the payments are not told (a secret or
 * undecided budget, a reader who is no member).
 */
final class BudgetPaidSentence {

    private BudgetPaidSentence() {
    }

    static String of(BudgetPaymentsView view, Words words) {
        if (view == null || view.payments() == null || view.outcome() != Outcome.ACCEPTED || !view.payments().tookPart()) {
            return null;
        }
        MemberPayments paid = view.payments();
        String currency = view.currency();
        if (paid.payments().isEmpty()) {
            return words.say("methodResults.budget.youPaidNothing");
        }
        List<String> projects = paid.payments().stream().map(p -> {
            String label = view.labels().getOrDefault(p.projectId(), p.projectId());
            return paid.payments().size() == 1 ? label
                    : words.say("methodResults.budget.paidFor", label, BudgetPaymentsJson.inCurrency(p.amount(), currency), currency);
        }).toList();
        return words.say("methodResults.budget.youPaid", BudgetPaymentsJson.inCurrency(paid.total(), currency), currency,
                words.list(projects));
    }
}
