package coop.plenum.governance.voting;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RatioTest {

    @Test
    void aRatioIsAlwaysNormalisedSoEqualRatiosAreEqual() {
        assertThat(Ratio.of(4, 6)).isEqualTo(Ratio.of(2, 3)).hasSameHashCodeAs(Ratio.of(-2, -3));
        assertThat(Ratio.of(2, -4)).isEqualTo(new Ratio(BigInteger.valueOf(-1), BigInteger.TWO));
        assertThat(Ratio.of(0, 7)).isEqualTo(Ratio.ZERO);
        assertThat(Ratio.of(2, 3)).hasToString("2/3");
    }

    @Test
    void decimalsBecomeExactRatios() {
        assertThat(Ratio.of(new BigDecimal("12.5"), new BigDecimal("37.50"))).isEqualTo(Ratio.of(1, 3));
        assertThat(Ratio.of(new BigDecimal("0.000001"))).isEqualTo(Ratio.of(1, 1_000_000));
        assertThat(Ratio.of(new BigDecimal("1E+3"), new BigDecimal("0.5"))).isEqualTo(Ratio.of(2000, 1));
    }

    @Test
    void ratiosAreComparedByCrossMultiplication() {
        assertThat(Ratio.of(2, 3)).isGreaterThan(Ratio.of(666_666, 1_000_000)).isLessThan(Ratio.of(666_667, 1_000_000));
        assertThat(Ratio.of(1, 2).isGreaterThan(Ratio.ONE_HALF)).isFalse();
        assertThat(Ratio.of(1, 2).isAtLeast(Ratio.ONE_HALF)).isTrue();
        assertThat(Ratio.of(-1, 2)).isLessThan(Ratio.ZERO);
    }

    @Test
    void arithmeticIsExact() {
        assertThat(Ratio.of(1, 3).plus(Ratio.of(1, 3)).plus(Ratio.of(1, 3))).isEqualTo(Ratio.ONE);
        assertThat(Ratio.of(2, 3).times(Ratio.of(3, 4))).isEqualTo(Ratio.ONE_HALF);
        assertThat(Ratio.of(2, 3).dividedBy(Ratio.of(4, 3))).isEqualTo(Ratio.ONE_HALF);
    }

    @Test
    void displayRoundsHalfEvenToTheGivenDigits() {
        assertThat(Ratio.of(2, 3).toDecimalString(6)).isEqualTo("0.666667");
        assertThat(Ratio.of(1, 3).toDecimalString(6)).isEqualTo("0.333333");
        assertThat(Ratio.of(1, 2_000_000).toDecimalString(6)).as("0.0000005 → even").isEqualTo("0.000000");
        assertThat(Ratio.of(3, 2_000_000).toDecimalString(6)).as("0.0000015 → even").isEqualTo("0.000002");
        assertThat(Ratio.ONE.toDecimalString(Ratio.DISPLAY_SCALE)).isEqualTo("1.000000");
        assertThat(Ratio.of(1, 8).toDecimalString(2)).isEqualTo("0.12");
    }

    @Test
    void aRatioNeverHasAZeroDenominator() {
        assertThatThrownBy(() -> Ratio.of(1, 0)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Ratio.of(BigDecimal.ONE, BigDecimal.ZERO)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void subtractionIsExactAndMayGoNegative() {
        assertThat(Ratio.of(1, 2).minus(Ratio.of(1, 3))).isEqualTo(Ratio.of(1, 6));
        assertThat(Ratio.of(1, 3).minus(Ratio.of(1, 2))).isEqualTo(Ratio.of(-1, 6));
        assertThat(Ratio.of(2, 3).minus(Ratio.of(2, 3))).isEqualTo(Ratio.ZERO);
    }
}
