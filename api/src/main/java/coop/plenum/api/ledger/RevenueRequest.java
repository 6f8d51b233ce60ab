package coop.plenum.api.ledger;

import java.math.BigDecimal;

/** {@code POST …/revenues}: what a project earned, in an ISO 4217 currency. */
record RevenueRequest(String project, BigDecimal amount, String currency) {
}
