package coop.plenum.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cooperative's value equation, as its charter sets it: the point rate of each contribution type and how many
 * peer verdicts of one kind decide a contribution. Points are {@code quantity × rate}, six fractional digits,
 * HALF_EVEN (SPEC "Open value accounting").
 */
public record ValueEquation(Map<String, BigDecimal> rates, int requiredEvaluations) {

    public static final int POINT_SCALE = 6;

    public ValueEquation {
        rates = rates == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(rates));
        if (requiredEvaluations < 1) {
            throw new IllegalArgumentException("a contribution needs at least one evaluation");
        }
    }

    public boolean knowsType(String type) {
        return type != null && rates.containsKey(type);
    }

    public BigDecimal rateOf(String type) {
        BigDecimal rate = rates.get(type);
        if (rate == null) {
            throw new IllegalArgumentException("no rate for contribution type " + type);
        }
        return rate;
    }

    public static BigDecimal points(BigDecimal quantity, BigDecimal rate) {
        return quantity.multiply(rate).setScale(POINT_SCALE, RoundingMode.HALF_EVEN);
    }
}
