package coop.plenum.api.ledger;

import java.math.BigDecimal;

/**
 * {@code POST …/allocations/{proposalId}/spending}: which funded project of the budget ({@code project}, its id in the
 * allocation), what was spent on it in the budget's currency, and optionally what it was paid by.
 */
record SpendingRequest(String project, BigDecimal amount, String note) {
}
