package coop.plenum.governance.budget;

import java.math.BigDecimal;

/**
 * A BUDGET proposal's budget: the {@code amount} to spend and its {@code currency} (an ISO 4217 code, as the ledger's
 * revenue names it); the projects' costs are in the same currency. Bounds: {@code ProposalInputRules}.
 */
public record ProposalBudget(BigDecimal amount, String currency) {
}
