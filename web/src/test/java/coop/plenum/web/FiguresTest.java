package coop.plenum.web;

import coop.plenum.governance.voting.Ratio;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: the tally's exact decimals read as plain numbers and percentages, in the reader's locale. */
class FiguresTest {

    private final Figures english = Figures.in(Locale.ENGLISH);
    private final Figures german = Figures.in(Locale.GERMAN);

    @Test
    void aPowerLosesItsTrailingZeros() {
        assertThat(english.number("6.200000")).isEqualTo("6.2");
        assertThat(english.number("3.000000")).isEqualTo("3");
        assertThat(english.number(new BigDecimal("1.333333"))).isEqualTo("1.33");
    }

    @Test
    void largeNumbersAreGroupedTheWayTheReaderGroupsThem() {
        assertThat(english.number("1250.500000")).isEqualTo("1,250.5");
        assertThat(german.number("1250.500000")).isEqualTo("1.250,5");
    }

    @Test
    void aRatioReadsAsAPercentageWithAtMostOneDecimal() {
        assertThat(english.percent("0.516129")).isEqualTo("51.6\u00a0%");
        assertThat(english.percent("0.700000")).isEqualTo("70\u00a0%");
        assertThat(english.percent("1.000000")).isEqualTo("100\u00a0%");
        assertThat(english.percent("0.000000")).isEqualTo("0\u00a0%");
        assertThat(german.percent("0.516129")).isEqualTo("51,6\u00a0%");
    }

    @Test
    void anExactRationalIsRoundedOnlyForDisplay() {
        assertThat(english.percent(Ratio.of(2, 3))).isEqualTo("66.7\u00a0%");
        assertThat(english.percent(Ratio.of(1, 2))).isEqualTo("50\u00a0%");
        // half-even on the last shown digit: 0.0625 of a percent point is not rounded up by accident
        assertThat(english.percent(new BigDecimal("0.00625"))).isEqualTo("0.6\u00a0%");
    }

    @Test
    void anExactRationalStringAsEventsKeepItReadsAsAPercentageAndANumber() {
        assertThat(english.percent("2/3")).isEqualTo("66.7\u00a0%");
        assertThat(german.percent("3/4")).isEqualTo("75\u00a0%");
        assertThat(english.number("5/2")).isEqualTo("2.5");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> english.percent("1/0")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void aCharterPercentIsShownAsWritten() {
        assertThat(english.percent(60)).isEqualTo("60\u00a0%");
    }

    @Test
    void nothingToShowIsBlankAndTheExactValueIsKeptForTheHover() {
        assertThat(english.percent((String) null)).isEmpty();
        assertThat(english.number((String) null)).isEmpty();
        assertThat(english.exact("0.516129")).isEqualTo("exactly 0.516129");
    }
}
