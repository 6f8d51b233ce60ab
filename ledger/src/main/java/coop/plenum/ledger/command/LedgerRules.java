package coop.plenum.ledger.command;

import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Slugs;
import coop.plenum.kernel.Violation;
import coop.plenum.ledger.LogContribution;
import coop.plenum.ledger.RecordRevenue;
import coop.plenum.ledger.ValueEquation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** SPEC "Open value accounting": what a contribution, an evaluation and a revenue must look like. Each rule a named method. */
final class LedgerRules {

    static final int MAX_DESCRIPTION = 2_000;
    static final int MAX_NOTE = 2_000;
    /** Quantities and amounts beyond this are typing mistakes, not contributions. */
    static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");

    private LedgerRules() {
    }

    static void assertValidContribution(LogContribution command, ValueEquation equation, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        projectIsASlug(command.project(), v);
        if (!equation.knowsType(command.type())) {
            v.add(new Violation("type", "contribution.type-unknown",
                    "the type is one of the charter's contribution types: " + equation.rates().keySet()));
        }
        quantityIsPositiveWithAtMostSixDecimals(command.quantity(), v);
        if (command.description() == null || command.description().isBlank()
                || command.description().strip().length() > MAX_DESCRIPTION) {
            v.add(new Violation("description", "contribution.description-invalid",
                    "a description is 1 to " + MAX_DESCRIPTION + " characters"));
        }
        if (command.occurredOn() == null) {
            v.add(new Violation("occurredOn", "contribution.occurred-on-missing", "occurredOn is the date (YYYY-MM-DD) it happened"));
        } else if (command.occurredOn().isAfter(today)) {
            v.add(new Violation("occurredOn", "contribution.occurred-on-future", "a contribution is logged once it happened, not before"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInput(v);
        }
    }

    private static void projectIsASlug(String project, List<Violation> v) {
        if (!Slugs.isSlug(project)) {
            v.add(new Violation("project", "ledger.project-invalid",
                    "a project is a slug: lowercase letters and digits joined by hyphens, at most " + Slugs.MAX_LENGTH + " characters"));
        }
    }

    private static void quantityIsPositiveWithAtMostSixDecimals(BigDecimal quantity, List<Violation> v) {
        if (quantity == null || quantity.signum() <= 0) {
            v.add(new Violation("quantity", "contribution.quantity-not-positive", "quantity is a number greater than 0"));
        } else if (quantity.stripTrailingZeros().scale() > ValueEquation.POINT_SCALE) {
            v.add(new Violation("quantity", "contribution.quantity-too-precise", "quantity has at most 6 decimal places"));
        } else if (quantity.compareTo(MAX_QUANTITY) > 0) {
            v.add(new Violation("quantity", "contribution.quantity-too-large", "quantity is at most " + MAX_QUANTITY));
        }
    }

    static void noteIsShort(String note) {
        if (note != null && note.strip().length() > MAX_NOTE) {
            throw new InvalidInput("note", "evaluation.note-too-long", "a note is at most " + MAX_NOTE + " characters");
        }
    }

    /** Returns the currency's minor unit (number of fractional digits). */
    static int assertValidRevenue(RecordRevenue command) {
        List<Violation> v = new ArrayList<>();
        projectIsASlug(command.project(), v);
        int minorDigits = -1;
        Currency currency = currencyOf(command.currency());
        if (currency == null || currency.getDefaultFractionDigits() < 0) {
            v.add(new Violation("currency", "revenue.currency-unknown", "currency is an ISO 4217 code such as EUR, USD or JPY"));
        } else {
            minorDigits = currency.getDefaultFractionDigits();
        }
        BigDecimal amount = command.amount();
        if (amount == null || amount.signum() <= 0) {
            v.add(new Violation("amount", "revenue.amount-not-positive", "amount is a number greater than 0"));
        } else if (minorDigits >= 0 && amount.stripTrailingZeros().scale() > minorDigits) {
            v.add(new Violation("amount", "revenue.amount-below-minor-unit",
                    command.currency() + " amounts have at most " + minorDigits + " decimal places"));
        } else if (amount.compareTo(MAX_QUANTITY) > 0) {
            v.add(new Violation("amount", "revenue.amount-too-large", "amount is at most " + MAX_QUANTITY));
        }
        if (!v.isEmpty()) {
            throw new InvalidInput(v);
        }
        return minorDigits;
    }

    private static Currency currencyOf(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return null;
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
