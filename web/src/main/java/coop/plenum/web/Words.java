package coop.plenum.web;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.ui.Model;

import java.util.Locale;

/**
 * Sentences that Java builds for a page (a result's why, a chart's description, a problem page), in the reader's
 * language (issue 14): the same bundles as the templates' {@code #{…}}, so a translation is made in one place.
 * Every page gets one as {@code words} ({@link FiguresAdvice}).
 */
public final class Words {

    /** The bundles as Spring Boot reads them (application.yml), for code that runs without the application context. */
    private static final MessageSource BUNDLED = bundled();

    private final MessageSource messages;
    private final Locale locale;

    Words(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale == null ? Locale.ENGLISH : locale;
    }

    /** The bundles in {@code locale}, read directly (tests, and a handler whose model has no {@code words}). */
    static Words in(Locale locale) {
        return new Words(BUNDLED, locale);
    }

    /** The page's words from its model; English when the model has none. */
    static Words of(Model model) {
        return model.getAttribute("words") instanceof Words w ? w : in(Locale.ENGLISH);
    }

    public Locale locale() {
        return locale;
    }

    /** The message {@code key} with its {@code {n}} parameters filled in. */
    public String say(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The message {@code key}, or {@code fallback} when no bundle has that key. */
    public String sayOr(String fallback, String key, Object... args) {
        return messages.getMessage(key, args, fallback, locale);
    }

    /** Whether the bundles have {@code key}. */
    public boolean has(String key) {
        return messages.getMessage(key, null, null, locale) != null;
    }

    /**
     * How this language writes a date ({@code datePattern.<style>}: date, dayTime, dateTime, dateTimeSeconds,
     * longDateTime), with month names in it and times in {@code zone}: "3 Dec 2026", "3. Dez. 2026", "3 dic 2026".
     */
    public java.time.format.DateTimeFormatter dates(String style, java.time.ZoneId zone) {
        return java.time.format.DateTimeFormatter.ofPattern(say("datePattern." + style), locale).withZone(zone);
    }

    /** Several parts joined the way the language lists them: "a, b and c" / "a, b y c" / "a, b und c". */
    public String list(java.util.List<String> parts) {
        if (parts.size() < 2) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " " + say("words.and") + " " + parts.get(parts.size() - 1);
    }

    private static MessageSource bundled() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
