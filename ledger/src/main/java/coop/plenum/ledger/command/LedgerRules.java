package coop.plenum.ledger.command;

import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Violation;
import coop.plenum.ledger.LedgerInputRules;
import coop.plenum.ledger.LogContribution;
import coop.plenum.ledger.RecordRevenue;
import coop.plenum.ledger.ValueEquation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * SPEC "Open value accounting": what a contribution, an evaluation and a revenue must look like. The bounds that
 * need no state live in {@link LedgerInputRules} (the API checks them too); the rules here add what the ledger knows.
 */
final class LedgerRules {

    private LedgerRules() {
    }

    static void assertValidEquation(ValueEquation equation) {
        throwIfAny(LedgerInputRules.equation(equation));
    }

    static void assertValidContribution(LogContribution command, ValueEquation equation, LocalDate today) {
        List<Violation> v = LedgerInputRules.contribution(command, equation);
        occurredOnIsNotInTheFuture(command.occurredOn(), today, v);
        throwIfAny(v);
    }

    private static void occurredOnIsNotInTheFuture(LocalDate occurredOn, LocalDate today, List<Violation> v) {
        if (occurredOn != null && occurredOn.isAfter(today) && v.stream().noneMatch(x -> x.field().equals("occurredOn"))) {
            v.add(new Violation("occurredOn", "contribution.occurred-on-future", "a contribution is logged once it happened, not before"));
        }
    }

    /** Returns the currency's minor unit (number of fractional digits). */
    static int assertValidRevenue(RecordRevenue command) {
        throwIfAny(LedgerInputRules.revenue(command));
        return LedgerInputRules.minorDigitsOf(command.currency());
    }

    /** A spent amount fits its budget's currency and never exceeds what the line allocates. */
    static void assertValidSpentAmount(BigDecimal amount, String currency, BigDecimal allocated) {
        throwIfAny(LedgerInputRules.spentAmount(amount, currency, allocated));
    }

    private static void throwIfAny(List<Violation> v) {
        if (!v.isEmpty()) {
            throw new InvalidInput(v);
        }
    }
}
