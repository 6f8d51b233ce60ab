package coop.plenum.web;

import coop.plenum.governance.notification.delivery.MailWords;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 "Languages and time": a date is written the way its reader's language writes it (CLDR): "3 Dec 2026",
 * "3. Dez. 2026" (German puts a full stop after the day), "3 dic 2026", and a long one "3 de diciembre de 2026" on pages,
 * in charts' text alternatives, in notifications and in the daily digest's mail.
 */
class DatesAreWrittenTheReadersWayTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final Instant EVENING = Instant.parse("2026-12-03T17:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aDateIsWrittenTheReadersWay() {
        LocalDate day = LocalDate.of(2026, 12, 3);
        assertThat(Words.in(Locale.ENGLISH).dates("date", ZoneOffset.UTC).format(day)).isEqualTo("3 Dec 2026");
        assertThat(Words.in(Locale.GERMAN).dates("date", ZoneOffset.UTC).format(day)).isEqualTo("3. Dez. 2026");
        assertThat(Words.in(SPANISH).dates("date", ZoneOffset.UTC).format(day)).isEqualTo("3 dic 2026");
    }

    @Test
    void aTimeIsWrittenTheReadersWayInTheirZone() {
        assertThat(Words.in(Locale.GERMAN).dates("dateTime", BERLIN).format(EVENING)).isEqualTo("3. Dez. 2026, 18:00 MEZ");
        assertThat(Words.in(Locale.GERMAN).dates("dayTime", BERLIN).format(EVENING)).isEqualTo("3. Dez., 18:00 MEZ");
        assertThat(Words.in(Locale.GERMAN).dates("longDateTime", BERLIN).format(EVENING)).isEqualTo("3. Dezember 2026, 18:00 MEZ");
        assertThat(Words.in(SPANISH).dates("longDateTime", ZoneId.of("Europe/Madrid")).format(EVENING))
                .isEqualTo("3 de diciembre de 2026, 18:00 CET");
        assertThat(Words.in(Locale.ENGLISH).dates("dayTime", ZoneId.of("UTC")).format(EVENING)).isEqualTo("3 Dec 17:00 UTC");
    }

    @Test
    void everyDatePatternFormatsInEveryLanguage() {
        for (Locale locale : List.of(Locale.ENGLISH, SPANISH, Locale.GERMAN)) {
            for (String style : List.of("date", "dayTime", "dateTime", "dateTimeSeconds", "longDateTime", "digestUntil")) {
                assertThat(Words.in(locale).dates(style, BERLIN).format(EVENING)).as("%s in %s", style, locale)
                        .contains("3").contains("2026".substring(0, style.equals("dayTime") || style.equals("digestUntil") ? 0 : 4));
            }
        }
    }

    @Test
    void theDigestsDayAndTimeIsWrittenTheReadersWay() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasename("messages");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        BundledNotificationSentences sentences = new BundledNotificationSentences(bundles);

        assertThat(MailWords.of(sentences, "de", BERLIN).dayAndTime(EVENING)).isEqualTo("3. Dez., 18:00");
        assertThat(MailWords.of(sentences, "es", ZoneId.of("Europe/Madrid")).dayAndTime(EVENING)).isEqualTo("3 dic, 18:00");
        assertThat(MailWords.of(sentences, "en", ZoneOffset.UTC).dayAndTime(EVENING)).isEqualTo("3 Dec, 17:00");
    }
}
