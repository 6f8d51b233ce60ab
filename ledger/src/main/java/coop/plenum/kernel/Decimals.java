package coop.plenum.kernel;

import java.math.BigDecimal;

/**
 * Bounds for exact decimals. Every decimal that enters a command has a largest value and a largest number of
 * fractional digits, so the event that records it is short and readable back: an unbounded {@code 1E+1000} is
 * written as 1,001 digits, which Jackson refuses to read again, and {@code 1E-10000} cannot be written plainly at
 * all. The checks below never expand a value, so a hostile exponent costs nothing.
 */
public final class Decimals {

    private Decimals() {
    }

    /** The number of fractional digits that matter ({@code 1.50} has 1; {@code 1E+3} has 0). */
    public static int fractionalDigits(BigDecimal value) {
        if (value.signum() == 0) {
            return 0;
        }
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    /** {@code min ≤ value ≤ max} (or {@code min < value} when {@code minExclusive}) with at most {@code maxScale} fractional digits. */
    public static boolean isWithin(BigDecimal value, BigDecimal min, boolean minExclusive, BigDecimal max, int maxScale) {
        if (value == null) {
            return false;
        }
        int low = value.compareTo(min);
        if (low < 0 || (minExclusive && low == 0) || value.compareTo(max) > 0) {
            return false;
        }
        return fractionalDigits(value) <= maxScale;
    }

    /**
     * The same number without a negative scale ({@code 1E+3} becomes {@code 1000}). Events write decimals plainly, so
     * a negative scale would come back as a different (if equal-valued) BigDecimal; values of more than 40 integer
     * digits are returned unchanged, for the bounds to refuse without ever expanding them.
     */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null || value.scale() >= 0 || value.precision() - value.scale() > 40) {
            return value;
        }
        return value.setScale(0);
    }
}
