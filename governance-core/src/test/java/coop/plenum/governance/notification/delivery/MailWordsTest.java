package coop.plenum.governance.notification.delivery;

import coop.plenum.governance.notification.NotificationKind;
import coop.plenum.governance.notification.NotificationSentences;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MailWordsTest {

    /** A translation that marks what it says with the language and zone it was asked for. */
    private final NotificationSentences marking = new NotificationSentences() {
        @Override
        public Optional<Sentence> sentence(String code, List<String> params, String language, ZoneId zone) {
            return Optional.of(new Sentence(language + ":" + code, language + "@" + zone.getId()));
        }

        @Override
        public Optional<String> phrase(String key, String language, Object... args) {
            return key.startsWith("notificationKind.") ? Optional.of(language + "-kind") : Optional.empty();
        }
    };

    @Test
    void anEnglishReaderInUtcGetsTheStoredSentenceAndTheCoresEnglishPhrasesWhateverThePortSays() {
        MailWords words = MailWords.of(marking, "en", ZoneOffset.UTC);
        assertThat(words.say("vote-opened", List.of("t"), "Vote open: t", "stored")).isEqualTo(
                new NotificationSentences.Sentence("Vote open: t", "stored"));
        assertThat(words.stop()).isEqualTo("Stop emails of this kind");
        assertThat(words.digestSubject(1)).isEqualTo("Your Plenum digest: 1 notification");
        assertThat(words.digestSubject(1200)).isEqualTo("Your Plenum digest: 1,200 notifications");
        assertThat(words.stopKindText(NotificationKind.COMMENT)).isEqualTo("Stop \"" + NotificationKind.COMMENT.label() + "\"");
    }

    @Test
    void aLanguagePlenumDoesNotSpeakIsEnglishAndAnEnglishReaderElsewhereHasDatesSaidInTheirZone() {
        MailWords french = MailWords.of(marking, "fr", ZoneOffset.UTC);
        assertThat(french.say("vote-opened", List.of("t"), "Vote open: t", "stored").text()).isEqualTo("stored");
        MailWords madrid = MailWords.of(marking, null, ZoneId.of("Europe/Madrid"));
        assertThat(madrid.say("vote-opened", List.of("t"), "Vote open: t", "stored").text()).isEqualTo("en@Europe/Madrid");
    }

    @Test
    void anotherLanguageAsksThePortWithUtcNamedUtcAndFallsBackToEnglishForWhatItCannotSay() {
        MailWords spanish = MailWords.of(marking, "es", ZoneOffset.UTC);
        assertThat(spanish.say("vote-opened", List.of("t"), "Vote open: t", "stored").text()).isEqualTo("es@UTC");
        assertThat(spanish.say(null, null, "Old entry", "stored before codes").title()).isEqualTo("Old entry");
        assertThat(spanish.stopKindHtml(NotificationKind.COMMENT)).isEqualTo("Stop “es-kind”");
        assertThat(MailWords.of(NotificationSentences.STORED, "es", ZoneOffset.UTC).stop()).isEqualTo("Stop emails of this kind");
    }
}
