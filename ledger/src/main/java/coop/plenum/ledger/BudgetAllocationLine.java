package coop.plenum.ledger;

import java.math.BigDecimal;

/** One funded project of a decided budget: its id in the proposal, its label, and the amount allocated to be spent on it. */
public record BudgetAllocationLine(String project, String label, BigDecimal amount) {
}
