package coop.plenum.web;

import coop.plenum.governance.voting.Ratio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers for people (issue 14, "results people can read"): the API's exact six-decimal strings ("6.200000",
 * "0.516129") become "6.2" and "51.6 %" in the reader's locale. Display only: rounding here never decides anything,
 * and every page that shows a rounded figure keeps the exact value beside it (a {@code title}). Figures are
 * computed with {@link BigDecimal} from exact values (decimals or {@link Ratio}s), never through {@code double}.
 */
public final class Figures {

    /** A no-break space between number and percent sign, so "51.6 %" never wraps in two. */
    static final String PERCENT_SUFFIX = "\u00a0%";

    private final Locale locale;

    private Figures(Locale locale) {
        this.locale = locale == null ? Locale.ENGLISH : locale;
    }

    public static Figures in(Locale locale) {
        return new Figures(locale);
    }

    /** The locale as a BCP 47 tag, for the small script that formats live updates the same way. */
    public String languageTag() {
        return locale.toLanguageTag();
    }

    /** A plain number with at most two decimals and no trailing zeros: 6.200000 → "6.2", 1250 → "1,250". */
    public String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        return format(value.setScale(Math.min(2, Math.max(0, value.scale())), RoundingMode.HALF_EVEN), 2);
    }

    /** A ratio between 0 and 1 as a percentage with at most one decimal: 0.516129 → "51.6 %", 0.7 → "70 %". */
    public String percent(BigDecimal ratio) {
        if (ratio == null) {
            return "";
        }
        return format(ratio.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN), 1) + PERCENT_SUFFIX;
    }

    /** An exact rational as a percentage: 2/3 → "66.7 %". */
    public String percent(Ratio ratio) {
        return ratio == null ? "" : percent(ratio.toBigDecimal(8));
    }

    /** A whole percent as the charter states it (a quorum, a weight): 60 → "60 %". */
    public String percent(int wholePercent) {
        return format(BigDecimal.valueOf(wholePercent), 0) + PERCENT_SUFFIX;
    }

    /** The API's decimal string, or an exact rational as events keep it ("2/3"), as a plain number; blank for a missing value. */
    public String number(String decimal) {
        return decimal == null || decimal.isBlank() ? "" : number(decimalOf(decimal));
    }

    /**
     * The API's ratio string, or an exact rational as events keep it ("2/3", e.g. a closed vote's approval in a
     * notification), as a percentage; blank for a missing value.
     */
    public String percent(String decimal) {
        return decimal == null || decimal.isBlank() ? "" : percent(decimalOf(decimal));
    }

    /** "0.75" or "3/4"; a malformed value is a NumberFormatException, for the caller to show as written. */
    private static BigDecimal decimalOf(String value) {
        int slash = value.indexOf('/');
        if (slash < 0) {
            return new BigDecimal(value.strip());
        }
        BigDecimal denominator = new BigDecimal(value.substring(slash + 1).strip());
        if (denominator.signum() == 0) {
            throw new NumberFormatException("a ratio over zero: " + value);
        }
        return Ratio.of(new BigDecimal(value.substring(0, slash).strip()), denominator).toBigDecimal(8);
    }

    /** The exact value for a title attribute: the API's string as it is. */
    public String exact(String decimal) {
        return decimal == null ? "" : Words.in(locale).say("figures.exactly", decimal);
    }

    private String format(BigDecimal value, int maxFractionDigits) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
        format.setMaximumFractionDigits(maxFractionDigits);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        format.setParseBigDecimal(true);
        return format.format(value);
    }
}
