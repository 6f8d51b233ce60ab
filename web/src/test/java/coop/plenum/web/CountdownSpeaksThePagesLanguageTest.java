package coop.plenum.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: the time left before a vote closes is said in the page's language, with singular and plural units. */
class CountdownSpeaksThePagesLanguageTest {

    private static final Instant NOW = Instant.parse("2030-01-15T10:00:00Z");
    private static final String SPANISH = "día,días,hora,horas,minuto,minutos,menos de un minuto";
    private static final String GERMAN = "Tag,Tagen,Stunde,Stunden,Minute,Minuten,weniger als einer Minute";

    @Test
    void theTwoLargestUnitsAreSaidInTheGivenWordsWithTheirPlurals() {
        Countdown.TimeLeft left = Countdown.left(NOW, NOW.plus(Duration.ofHours(51).plusMinutes(5)));
        assertThat(left.toString()).isEqualTo("2 days 3 hours");
        assertThat(left.in(SPANISH)).isEqualTo("2 días 3 horas");
        assertThat(left.in(GERMAN)).isEqualTo("2 Tagen 3 Stunden");
        assertThat(Countdown.left(NOW, NOW.plus(Duration.ofMinutes(61))).in(SPANISH)).isEqualTo("1 hora 1 minuto");
        assertThat(Countdown.left(NOW, NOW.plusSeconds(30)).in(GERMAN)).isEqualTo("weniger als einer Minute");
    }

    @Test
    void aClosedVoteHasNoTimeLeftAndMalformedWordsFallBackToEnglish() {
        assertThat(Countdown.left(NOW, NOW)).isNull();
        assertThat(Countdown.left(NOW, null)).isNull();
        assertThat(Countdown.left(NOW, NOW.plus(Duration.ofDays(1))).in("oops")).isEqualTo("1 day");
    }
}
