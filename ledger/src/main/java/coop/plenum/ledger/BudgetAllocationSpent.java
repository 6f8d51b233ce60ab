package coop.plenum.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A fact: a secretary ({@code spentBy}, an account id) recorded that {@code spent} of the {@code allocated} amount of
 * one decided budget's line (decision {@code decidedBy}, project {@code project} labelled {@code label}) was spent,
 * in {@code currency}; {@code remaining} = allocated − spent stayed unspent. The line is closed from {@code spentAt}
 * on. {@code note} (or null) says what it was paid by. The amounts are in the currency's minor unit (2 digits for EUR).
 */
public record BudgetAllocationSpent(LedgerId ledgerId, String decidedBy, String project, String label, String currency,
                                    BigDecimal allocated, BigDecimal spent, BigDecimal remaining, String note,
                                    String spentBy, Instant spentAt) {
}
