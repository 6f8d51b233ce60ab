package coop.plenum.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, "English plus at least two complete translations": every key of the English bundle is in the Spanish and
 * German ones and the other way round, with the same {0}-style parameters, and no sentence left in English. A new
 * language is a copy of messages.properties added to {@link #TRANSLATIONS}: this test then lists what is missing.
 */
class MessageBundlesAreCompleteTest {

    static final List<String> TRANSLATIONS = List.of("es", "de");

    /** Values that are the same word in English and the translation: names, abbreviations, loanwords. */
    private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("Quorum", "API", "Plenum", "JSON", "Webhooks",
            "Ledger", "Status", "Name", "Element", "Markdown", "ID", "Score", "Consent", "Operator", "Total", "OK", "Hash",
            "Webhook", "URL", "Schulze", "Option", "general", "Delegation", "Quorum (%)", "Budget", "Position");

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\d+)");

    @Test
    void everyEnglishKeyIsTranslatedAndEveryTranslatedKeyIsInEnglish() throws IOException {
        Properties english = bundle("");
        for (String language : TRANSLATIONS) {
            Properties translated = bundle("_" + language);
            assertThat(translated.stringPropertyNames()).as("keys in messages_%s.properties", language)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        }
    }

    @Test
    void aTranslationUsesTheSameParametersAsTheEnglish() throws IOException {
        Properties english = bundle("");
        List<String> wrong = new ArrayList<>();
        for (String language : TRANSLATIONS) {
            Properties translated = bundle("_" + language);
            for (String key : english.stringPropertyNames()) {
                String value = translated.getProperty(key);
                if (value != null && !parameters(english.getProperty(key)).equals(parameters(value))) {
                    wrong.add(language + ": " + key + " = " + value);
                }
            }
        }
        assertThat(wrong).as("translations whose {n} parameters differ from the English").isEmpty();
    }

    @Test
    void noSentenceIsLeftInEnglishInATranslation() throws IOException {
        Properties english = bundle("");
        List<String> untranslated = new ArrayList<>();
        for (String language : TRANSLATIONS) {
            Properties translated = bundle("_" + language);
            for (String key : english.stringPropertyNames()) {
                if (key.startsWith("datePattern.")) {
                    continue; // a java.time pattern, the same in two languages when they write dates alike (3 Dec / 3 dic)
                }
                String value = english.getProperty(key);
                boolean hasWords = value.replaceAll("\\{[^}]*}", "").matches("(?s).*\\p{L}{3,}.*");
                boolean address = value.matches("\\S+://\\S+");
                if (hasWords && !address && value.equals(translated.getProperty(key)) && !SAME_IN_EVERY_LANGUAGE.contains(value.strip())) {
                    untranslated.add(language + ": " + key + " = " + value);
                }
            }
        }
        assertThat(untranslated).as("values still in English (add true cognates to the allow-list)").isEmpty();
    }

    /**
     * A message with parameters goes through {@link MessageFormat}, where a lone apostrophe starts a quoted part and
     * swallows the parameter after it ("don't {0}" shows "dont {0}"): such messages write it twice. Each must also
     * format without error in its language.
     */
    @Test
    void everyMessageWithParametersFormats() throws IOException {
        List<String> broken = new ArrayList<>();
        for (String suffix : List.of("", "_es", "_de")) {
            Properties bundle = bundle(suffix);
            for (String key : bundle.stringPropertyNames()) {
                String value = bundle.getProperty(key);
                if (parameters(value).isEmpty()) {
                    continue;
                }
                if (value.replace("''", "").contains("'")) {
                    broken.add(suffix + " " + key + ": a single apostrophe");
                    continue;
                }
                try {
                    Object[] args = parameters(value).stream().map(i -> (Object) 2).toArray();
                    String formatted = new MessageFormat(value, Locale.ROOT).format(args);
                    if (formatted.contains("{")) {
                        broken.add(suffix + " " + key + ": " + formatted);
                    }
                } catch (IllegalArgumentException bad) {
                    broken.add(suffix + " " + key + ": " + bad.getMessage());
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    private static Set<Integer> parameters(String value) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = PARAMETER.matcher(value);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        var in = MessageBundlesAreCompleteTest.class.getResourceAsStream("/messages" + suffix + ".properties");
        assertThat(in).as("messages%s.properties on the class path", suffix).isNotNull();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
