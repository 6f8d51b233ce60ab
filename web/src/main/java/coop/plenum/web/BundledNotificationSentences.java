package coop.plenum.web;

import coop.plenum.governance.notification.NotificationSentences;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The core's mail in the member's language (issue 14): the inbox page's sentences ({@link NotificationWords}) and the
 * mail's fixed phrases ({@code notification.mail.*}), from the same bundles as the pages, so a translation is made once.
 */
@Component
class BundledNotificationSentences implements NotificationSentences {

    private final MessageSource messages;

    BundledNotificationSentences(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Optional<Sentence> sentence(String code, List<String> params, String language, ZoneId zone) {
        Locale locale = Locale.forLanguageTag(language);
        NotificationWords.Shown said = NotificationWords.say(code, params, new Words(messages, locale), Figures.in(locale), zone);
        return Optional.ofNullable(said).map(s -> new Sentence(s.title(), s.text()));
    }

    @Override
    public Optional<String> phrase(String key, String language, Object... args) {
        Words words = new Words(messages, Locale.forLanguageTag(language));
        return words.has(key) ? Optional.of(words.say(key, args)) : Optional.empty();
    }
}
