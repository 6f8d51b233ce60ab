package coop.plenum.governance.charter;

import java.math.BigDecimal;
import java.util.Map;

/** Contribution types with their point rates, and how many peer verdicts decide a contribution. */
public record LedgerRule(Map<String, BigDecimal> rates, Integer requiredEvaluations) {
}
