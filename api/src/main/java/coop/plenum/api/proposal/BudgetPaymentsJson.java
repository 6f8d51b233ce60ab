package coop.plenum.api.proposal;

import coop.plenum.governance.budget.MemberPayments;
import coop.plenum.governance.proposal.query.BudgetPaymentsView;
import coop.plenum.governance.voting.Ratio;

import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

/**
 * What one member paid in a decided BUDGET vote (docs/tally.md "What each supporter paid"): per funded project they
 * paid towards, in the order bought, the amount in the budget's currency; their share of the budget ({@code null} when
 * they took no part: neither their ballot nor a delegate's counted) and the total. Money as in the tally: a decimal
 * string rounded to six digits, and the {@code …Exact} fields exact fractions; {@code total} rounded to the
 * currency's minor unit too ({@code totalInCurrency}), as a person reads it.
 */
public record BudgetPaymentsJson(String proposalId, String memberId, String currency, String outcome, boolean tookPart,
                                 String share, String shareExact, String total, String totalExact, String totalInCurrency,
                                 List<PaymentJson> payments) {

    /** One funded project's payment. */
    public record PaymentJson(String projectId, String label, String amount, String amountExact, String amountInCurrency) {
    }

    public static BudgetPaymentsJson of(BudgetPaymentsView view) {
        MemberPayments p = view.payments();
        String currency = view.currency();
        return new BudgetPaymentsJson(view.proposalId().value(), p.member().value(), currency,
                view.outcome() == null ? null : view.outcome().name(), p.tookPart(), TallyJson.ratio(p.share()),
                p.share() == null ? null : p.share().toString(), TallyJson.ratio(p.total()), p.total().toString(),
                inCurrency(p.total(), currency),
                p.payments().stream().map(x -> new PaymentJson(x.projectId(), view.labels().get(x.projectId()),
                        TallyJson.ratio(x.amount()), x.amount().toString(), inCurrency(x.amount(), currency))).toList());
    }

    /** An exact amount rounded (HALF_EVEN) to the currency's minor unit, for people: 60 EUR is "60.00". */
    public static String inCurrency(Ratio amount, String currency) {
        int digits = 2;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException unknown) {
            // ProposalInputRules admits ISO 4217 codes only; two digits is the common case should one be missing
        }
        return amount.toBigDecimal(digits).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

}
