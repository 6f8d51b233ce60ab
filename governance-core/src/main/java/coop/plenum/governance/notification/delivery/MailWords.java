package coop.plenum.governance.notification.delivery;

import coop.plenum.governance.account.ChangeAccountProfile;
import coop.plenum.governance.notification.NotificationKind;
import coop.plenum.governance.notification.NotificationSentences;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The words of one recipient's mail (issue 14): the notification's sentence and the mail's fixed phrases in the
 * account's language, dates in its zone. English is the core's own phrases, so an English mail reads as it always did;
 * an English reader in UTC gets the sentence exactly as stored, anyone else gets it said again from its code.
 */
public final class MailWords {

    private static final String ENGLISH = "en";
    private static final String DAY_AND_TIME = "d MMM, HH:mm";

    private final NotificationSentences sentences;
    private final String language;
    private final ZoneId zone;

    private MailWords(NotificationSentences sentences, String language, ZoneId zone) {
        this.sentences = sentences == null ? NotificationSentences.STORED : sentences;
        this.language = language != null && ChangeAccountProfile.LANGUAGES.contains(language) ? language : ENGLISH;
        // "UTC" rather than "Z" where a date names its zone
        this.zone = zone == null || zone.equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
    }

    /** The words for an account whose profile says {@code language} (null or unknown: English) and {@code zone} (null: UTC). */
    public static MailWords of(NotificationSentences sentences, String language, ZoneId zone) {
        return new MailWords(sentences, language, zone);
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    /** The notification's title and text for this reader; the stored ones when they already say it, or it cannot be said. */
    public NotificationSentences.Sentence say(String code, List<String> params, String storedTitle, String storedText) {
        NotificationSentences.Sentence stored = new NotificationSentences.Sentence(storedTitle, storedText);
        if (code == null || params == null || (ENGLISH.equals(language) && zone.getId().equals("UTC"))) {
            return stored;
        }
        return sentences.sentence(code, params, language, zone).orElse(stored);
    }

    /** "Stop emails of this kind", the unsubscribe link's words under a single notification's mail. */
    public String stop() {
        return phrase("notification.mail.stop", "Stop emails of this kind");
    }

    /** The digest's subject for {@code count} notifications. */
    public String digestSubject(int count) {
        return phrase("notification.mail.digest.subject",
                "Your Plenum digest: {0,choice,1#1 notification|1<{0,number,integer} notifications}", count);
    }

    /**
     * A day and time the way this language writes it, in this reader's zone ("3 Dec, 07:00", "3. Dez., 07:00"): the
     * bundles' {@code datePattern.digestUntil}, or the core's English pattern.
     */
    public String dayAndTime(Instant at) {
        String pattern = ENGLISH.equals(language) ? DAY_AND_TIME
                : sentences.phrase("datePattern.digestUntil", language).orElse(DAY_AND_TIME);
        return DateTimeFormatter.ofPattern(pattern, locale()).format(at.atZone(zone));
    }

    /** The digest's heading, up to the run's local time {@code until}. */
    public String digestHeading(String until) {
        return phrase("notification.mail.digest.heading", "Your Plenum digest for the day to {0}:", until);
    }

    /** The digest's unsubscribe line for one kind, in the plain text body. */
    public String stopKindText(NotificationKind kind) {
        return phrase("notification.mail.digest.stop-text", "Stop \"{0}\"", label(kind));
    }

    /** The digest's unsubscribe link's words for one kind, in the HTML body. */
    public String stopKindHtml(NotificationKind kind) {
        return phrase("notification.mail.digest.stop-html", "Stop “{0}”", label(kind));
    }

    private String label(NotificationKind kind) {
        return ENGLISH.equals(language) ? kind.label()
                : sentences.phrase("notificationKind." + kind.name(), language).orElse(kind.label());
    }

    private String phrase(String key, String english, Object... args) {
        if (!ENGLISH.equals(language)) {
            java.util.Optional<String> said = sentences.phrase(key, language, args);
            if (said.isPresent()) {
                return said.get();
            }
        }
        return new MessageFormat(english, Locale.ENGLISH).format(args);
    }
}
