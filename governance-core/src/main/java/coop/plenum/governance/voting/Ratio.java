package coop.plenum.governance.voting;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact rational number {@code numerator / denominator}, always normalised (denominator positive, no common
 * factor), so that {@code equals} agrees with {@code compareTo}. Ratios are compared by cross-multiplication and
 * never pass through floating point; {@link #toDecimalString(int)} rounds only for display.
 */
public record Ratio(BigInteger numerator, BigInteger denominator) implements Comparable<Ratio> {

    public static final Ratio ZERO = new Ratio(BigInteger.ZERO, BigInteger.ONE);
    public static final Ratio ONE = new Ratio(BigInteger.ONE, BigInteger.ONE);
    public static final Ratio ONE_HALF = new Ratio(BigInteger.ONE, BigInteger.TWO);
    public static final Ratio TWO_THIRDS = new Ratio(BigInteger.TWO, BigInteger.valueOf(3));

    /** Digits after the decimal point when a ratio is shown to people. */
    public static final int DISPLAY_SCALE = 6;

    public Ratio {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() == 0) {
            throw new ArithmeticException("a ratio never has a zero denominator");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    public static Ratio of(long numerator, long denominator) {
        return new Ratio(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /** The exact quotient of two decimals, e.g. {@code of(12.5, 37.5)} is 1/3. */
    public static Ratio of(BigDecimal numerator, BigDecimal denominator) {
        int scale = Math.max(numerator.scale(), denominator.scale());
        return new Ratio(numerator.setScale(scale).unscaledValue(), denominator.setScale(scale).unscaledValue());
    }

    public static Ratio of(BigDecimal value) {
        return of(value, BigDecimal.ONE);
    }

    public Ratio plus(Ratio other) {
        return new Ratio(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Ratio minus(Ratio other) {
        return new Ratio(numerator.multiply(other.denominator).subtract(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Ratio times(Ratio other) {
        return new Ratio(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    public Ratio dividedBy(Ratio other) {
        return new Ratio(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    public int signum() {
        return numerator.signum();
    }

    public boolean isGreaterThan(Ratio other) {
        return compareTo(other) > 0;
    }

    public boolean isAtLeast(Ratio other) {
        return compareTo(other) >= 0;
    }

    /** Exact: both denominators are positive, so cross-multiplying keeps the order. */
    @Override
    public int compareTo(Ratio other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    /** Rounded for display, HALF_EVEN: 2/3 with scale 6 is {@code 0.666667}. Never use the result to decide. */
    public BigDecimal toBigDecimal(int scale) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_EVEN);
    }

    /** Rounded for display, HALF_EVEN, plain notation: 2/3 with scale 6 is {@code "0.666667"}. */
    public String toDecimalString(int scale) {
        return toBigDecimal(scale).toPlainString();
    }

    /** The exact value, e.g. {@code "2/3"}. */
    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
