package coop.plenum.ledger;

import coop.plenum.kernel.Decimals;
import coop.plenum.kernel.Instants;
import coop.plenum.kernel.Slugs;
import coop.plenum.kernel.Texts;
import coop.plenum.kernel.Violation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The documented bounds of everything that enters the ledger (docs/ledger.md "Bounds"), checked without state: by
 * the API before a command is sent and by the Ledger aggregate before it records anything. Each bound keeps the
 * recorded numbers short enough to be read back exactly: a rate × a quantity is at most 10^15, with 6
 * fractional digits.
 */
public final class LedgerInputRules {

    public static final BigDecimal MAX_RATE = new BigDecimal("1000000");
    public static final int RATE_SCALE = ValueEquation.POINT_SCALE;
    public static final int MAX_CONTRIBUTION_TYPES = 50;
    public static final int MIN_REQUIRED_EVALUATIONS = 1;
    public static final int MAX_REQUIRED_EVALUATIONS = 100;
    public static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");
    public static final int QUANTITY_SCALE = ValueEquation.POINT_SCALE;
    /** A revenue is at most 10^15 minor units: 10 trillion EUR (cents), 10^15 JPY. */
    public static final int MAX_AMOUNT_MINOR_UNIT_DIGITS = 15;
    public static final int MAX_DESCRIPTION = 2_000;
    public static final int MAX_NOTE = 2_000;
    public static final int MAX_ALLOCATION_LINES = 1_000;
    public static final int MAX_ALLOCATION_LABEL = 200;
    /** The most fractional digits any ISO 4217 currency has (CLF, UYW): the bound on a spent amount before its budget is known. */
    public static final int MAX_MINOR_DIGITS = 4;
    private static final Pattern CONTRIBUTION_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private LedgerInputRules() {
    }

    public static boolean isContributionType(String type) {
        return type != null && CONTRIBUTION_TYPE.matcher(type).matches();
    }

    public static boolean isRate(BigDecimal rate) {
        return Decimals.isWithin(rate, BigDecimal.ZERO, false, MAX_RATE, RATE_SCALE);
    }

    public static boolean isRequiredEvaluations(Integer n) {
        return n != null && n >= MIN_REQUIRED_EVALUATIONS && n <= MAX_REQUIRED_EVALUATIONS;
    }

    /** The rates and evaluations a value equation may carry; {@code at} prefixes the field names (e.g. {@code charter.ledger}). */
    public static void equation(String at, Map<String, BigDecimal> rates, Integer requiredEvaluations, List<Violation> v) {
        String prefix = at.isEmpty() ? "" : at + ".";
        if (rates != null) {
            if (rates.size() > MAX_CONTRIBUTION_TYPES) {
                v.add(new Violation(prefix + "rates", "ledger.too-many-types",
                        "a value equation has at most " + MAX_CONTRIBUTION_TYPES + " contribution types"));
            }
            rates.forEach((type, rate) -> {
                if (!isContributionType(type)) {
                    v.add(new Violation(prefix + "rates", "charter.rate-type-invalid",
                            "a contribution type is UPPER_SNAKE_CASE of at most 40 characters, e.g. WORK_HOURS"));
                } else if (!isRate(rate)) {
                    v.add(new Violation(prefix + "rates." + type, "charter.rate-invalid",
                            "a point rate is a decimal from 0 to " + MAX_RATE.toPlainString() + " with at most " + RATE_SCALE + " decimal places"));
                }
            });
        }
        if (!isRequiredEvaluations(requiredEvaluations)) {
            v.add(new Violation(prefix + "requiredEvaluations", "charter.required-evaluations-invalid",
                    "requiredEvaluations is a whole number from " + MIN_REQUIRED_EVALUATIONS + " to " + MAX_REQUIRED_EVALUATIONS));
        }
    }

    public static List<Violation> equation(ValueEquation equation) {
        List<Violation> v = new ArrayList<>();
        if (equation == null) {
            v.add(new Violation("equation", "ledger.equation-missing", "a ledger has a value equation"));
        } else {
            equation("equation", equation.rates(), equation.requiredEvaluations(), v);
        }
        return v;
    }

    public static void projectIsASlug(String project, List<Violation> v) {
        if (!Slugs.isSlug(project)) {
            v.add(new Violation("project", "ledger.project-invalid",
                    "a project is a slug: lowercase letters and digits joined by hyphens, at most " + Slugs.MAX_LENGTH + " characters"));
        }
    }

    public static List<Violation> contribution(LogContribution command) {
        return contribution(command, null);
    }

    /** With the equation in force (the aggregate knows it), an unknown type is named with the known ones. */
    public static List<Violation> contribution(LogContribution command, ValueEquation equation) {
        List<Violation> v = new ArrayList<>();
        projectIsASlug(command.project(), v);
        if (!isContributionType(command.type()) || (equation != null && !equation.knowsType(command.type()))) {
            v.add(new Violation("type", "contribution.type-unknown", "the type is one of the charter's contribution types"
                    + (equation == null ? "" : ": " + equation.rates().keySet())));
        }
        quantityIsPositiveAndBounded(command.quantity(), v);
        Texts.required("description", command.description(), MAX_DESCRIPTION, Texts.Lines.MANY,
                "contribution.description-invalid", "a description is 1 to " + MAX_DESCRIPTION + " characters", v);
        if (command.occurredOn() == null) {
            v.add(new Violation("occurredOn", "contribution.occurred-on-missing", "occurredOn is the date (YYYY-MM-DD) it happened"));
        } else {
            Instants.storable("occurredOn", command.occurredOn(), v);
        }
        return v;
    }

    private static void quantityIsPositiveAndBounded(BigDecimal quantity, List<Violation> v) {
        if (quantity == null || quantity.signum() <= 0) {
            v.add(new Violation("quantity", "contribution.quantity-not-positive", "quantity is a number greater than 0"));
        } else if (Decimals.fractionalDigits(quantity) > QUANTITY_SCALE) {
            v.add(new Violation("quantity", "contribution.quantity-too-precise", "quantity has at most " + QUANTITY_SCALE + " decimal places"));
        } else if (quantity.compareTo(MAX_QUANTITY) > 0) {
            v.add(new Violation("quantity", "contribution.quantity-too-large", "quantity is at most " + MAX_QUANTITY.toPlainString()));
        }
    }

    public static List<Violation> evaluation(EvaluateContribution command) {
        List<Violation> v = new ArrayList<>();
        if (command.verdict() == null) {
            v.add(new Violation("verdict", "evaluation.verdict-missing", "verdict is ACCEPT or REJECT"));
        }
        Texts.optional("note", command.note(), MAX_NOTE, Texts.Lines.MANY, "evaluation.note-too-long",
                "a note is at most " + MAX_NOTE + " characters", v);
        return v;
    }

    public static List<Violation> revenue(RecordRevenue command) {
        List<Violation> v = new ArrayList<>();
        projectIsASlug(command.project(), v);
        int minorDigits = minorDigitsOf(command.currency());
        if (minorDigits < 0) {
            v.add(new Violation("currency", "revenue.currency-unknown", "currency is an ISO 4217 code such as EUR, USD or JPY"));
        }
        BigDecimal amount = command.amount();
        if (amount == null || amount.signum() <= 0) {
            v.add(new Violation("amount", "revenue.amount-not-positive", "amount is a number greater than 0"));
        } else if (minorDigits >= 0 && Decimals.fractionalDigits(amount) > minorDigits) {
            v.add(new Violation("amount", "revenue.amount-below-minor-unit",
                    command.currency() + " amounts have at most " + minorDigits + " decimal places"));
        } else if (amount.compareTo(maxAmount(Math.max(0, minorDigits))) > 0) {
            v.add(new Violation("amount", "revenue.amount-too-large",
                    "amount is at most " + maxAmount(Math.max(0, minorDigits)).toPlainString() + " (10^15 minor units)"));
        }
        return v;
    }

    /**
     * A decided budget as governance sends it: the deciding proposal's id, a known currency, a budget and lines within
     * 10^15 minor units in the currency's minor unit, at most {@link #MAX_ALLOCATION_LINES} lines with storable one-line
     * ids and labels, and a leftover of at least 0.
     */
    public static List<Violation> budgetAllocation(RecordBudgetAllocation command) {
        List<Violation> v = new ArrayList<>();
        if (!coop.plenum.kernel.Ids.isWellFormed(command.decidedBy())) {
            v.add(new Violation("decidedBy", "id.invalid", "decidedBy is the deciding proposal's id"));
        }
        int minorDigits = minorDigitsOf(command.currency());
        if (minorDigits < 0) {
            v.add(new Violation("currency", "allocation.currency-unknown", "currency is an ISO 4217 code such as EUR, USD or JPY"));
        }
        int digits = Math.max(0, minorDigits);
        if (!Decimals.isWithin(command.budget(), BigDecimal.ZERO, true, maxAmount(digits), digits)) {
            v.add(new Violation("budget", "allocation.amount-invalid", "budget is above 0 and within 10^15 minor units"));
        }
        if (!Decimals.isWithin(command.leftover(), BigDecimal.ZERO, false, maxAmount(digits), digits)) {
            v.add(new Violation("leftover", "allocation.amount-invalid", "leftover is at least 0 and within 10^15 minor units"));
        }
        if (command.decidedAt() == null) {
            v.add(new Violation("decidedAt", "allocation.decided-at-missing", "decidedAt is the instant the decision closed"));
        }
        List<BudgetAllocationLine> lines = command.lines();
        if (lines == null || lines.size() > MAX_ALLOCATION_LINES) {
            v.add(new Violation("lines", "allocation.lines-invalid", "a budget allocates to 0 to " + MAX_ALLOCATION_LINES + " projects"));
            return v;
        }
        for (int i = 0; i < lines.size(); i++) {
            BudgetAllocationLine line = lines.get(i);
            String at = "lines[" + i + "]";
            if (line == null) {
                v.add(new Violation(at, "allocation.line-missing", "every line names a project and an amount"));
                continue;
            }
            Texts.required(at + ".project", line.project(), MAX_ALLOCATION_LABEL, Texts.Lines.ONE, "allocation.project-invalid",
                    "a project is named in 1 to " + MAX_ALLOCATION_LABEL + " characters", v);
            Texts.required(at + ".label", line.label(), MAX_ALLOCATION_LABEL, Texts.Lines.ONE, "allocation.label-invalid",
                    "a label is 1 to " + MAX_ALLOCATION_LABEL + " characters", v);
            if (!Decimals.isWithin(line.amount(), BigDecimal.ZERO, true, maxAmount(digits), digits)) {
                v.add(new Violation(at + ".amount", "allocation.amount-invalid", "an amount is above 0 and within 10^15 minor units"));
            }
        }
        return v;
    }

    /**
     * What can be told of a spending without its budget: a well-formed decision id, a line's project id as the
     * allocation names it, an amount from 0 with at most {@link #MAX_MINOR_DIGITS} fractional digits and at most
     * 10^15, and an optional note of at most {@link #MAX_NOTE} characters. The Ledger adds what it knows: the budget's
     * currency and the amount the line allocates ({@link #spentAmount}).
     */
    public static List<Violation> spending(MarkBudgetAllocationSpent command) {
        List<Violation> v = new ArrayList<>();
        if (!coop.plenum.kernel.Ids.isWellFormed(command.decidedBy())) {
            v.add(new Violation("decidedBy", "id.invalid", "decidedBy is the deciding proposal's id"));
        }
        Texts.required("project", command.project(), MAX_ALLOCATION_LABEL, Texts.Lines.ONE, "spending.project-invalid",
                "project is the id of a funded project of the budget, 1 to " + MAX_ALLOCATION_LABEL + " characters", v);
        if (!Decimals.isWithin(command.amount(), BigDecimal.ZERO, false, maxAmount(0), MAX_MINOR_DIGITS)) {
            v.add(new Violation("amount", "spending.amount-invalid",
                    "amount is what was spent: a number from 0 up to the amount allocated"));
        }
        Texts.optional("note", command.note(), MAX_NOTE, Texts.Lines.MANY, "spending.note-too-long",
                "a note is at most " + MAX_NOTE + " characters", v);
        return v;
    }

    /**
     * A spent amount against its line: no finer than the budget currency's minor unit, and never more than the line
     * allocates (spending more than members decided needs a new decision, not a bookkeeping entry).
     */
    public static List<Violation> spentAmount(BigDecimal amount, String currency, BigDecimal allocated) {
        List<Violation> v = new ArrayList<>();
        int minorDigits = Math.max(0, minorDigitsOf(currency));
        if (Decimals.fractionalDigits(amount) > minorDigits) {
            v.add(new Violation("amount", "spending.amount-below-minor-unit",
                    currency + " amounts have at most " + minorDigits + " decimal places"));
        } else if (amount.compareTo(allocated) > 0) {
            v.add(new Violation("amount", "spending.more-than-allocated",
                    "at most the " + allocated.toPlainString() + " " + currency + " allocated can be spent on this line"));
        }
        return v;
    }

    /** The largest amount in a currency with {@code minorDigits} fractional digits: 10^15 minor units. */
    public static BigDecimal maxAmount(int minorDigits) {
        return BigDecimal.ONE.scaleByPowerOfTen(MAX_AMOUNT_MINOR_UNIT_DIGITS - minorDigits);
    }

    /** The currency's minor unit (fractional digits), or -1 when it is no ISO 4217 currency with one. */
    public static int minorDigitsOf(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return -1;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits();
        } catch (IllegalArgumentException unknown) {
            return -1;
        }
    }
}
