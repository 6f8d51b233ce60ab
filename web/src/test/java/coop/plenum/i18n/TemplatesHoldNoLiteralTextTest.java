package coop.plenum.i18n;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, "all UI text in message bundles": no template writes a word a reader sees outside {@code #{…}}. Checked:
 * text nodes (except sample text inside an element whose content Thymeleaf replaces: th:text, th:utext, th:replace,
 * th:insert) and code, the title, aria-label, placeholder and alt attributes, and quoted literals inside th:text-like
 * expressions ({@code th:text="'opens ' + …"}). Punctuation, numbers, "Plenum" and "API" are allowed.
 */
class TemplatesHoldNoLiteralTextTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private static final Set<String> REPLACES_CONTENT = Set.of("th:text", "th:utext", "th:replace", "th:insert");
    private static final Set<String> READ_ATTRIBUTES = Set.of("title", "aria-label", "placeholder", "alt");
    private static final Set<String> EXPRESSION_ATTRIBUTES = Set.of("th:text", "th:utext", "th:title", "th:aria-label",
            "th:placeholder", "th:alt", "th:attr");
    private static final Set<String> ALLOWED_WORDS = Set.of("Plenum", "API", "UTC", "HTTP", "URL");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern SUBSTITUTION = Pattern.compile("\\|([^|]*)\\|");
    /** Letters a java.time pattern uses ("d MMM yyyy HH:mm zzz"): such literals are formats, not text. */
    private static final Pattern DATE_PATTERN = Pattern.compile("[dMyHhmsSzZaELuVx ,.:/'-]+");

    @Test
    void noTemplateWritesTextOutsideTheMessageBundles() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                String name = TEMPLATES.relativize(file).toString();
                found.addAll(literalText(name, Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        assertThat(found).as("text outside #{…}").isEmpty();
    }

    @Test
    void theCheckFindsLiteralTextInEachPlaceItLooks() {
        assertThat(literalText("t", "<p>Close the vote</p>")).hasSize(1);
        assertThat(literalText("t", "<p th:text=\"#{x}\">Close the vote</p>")).isEmpty();
        assertThat(literalText("t", "<p th:text=\"#{x}\"><b>sample</b> text</p>")).isEmpty();
        assertThat(literalText("t", "<button title=\"Close it\">×</button>")).hasSize(1);
        assertThat(literalText("t", "<span th:text=\"' · opens ' + ${x}\">x</span>")).hasSize(1);
        assertThat(literalText("t", "<span th:text=\"|Try in ${n} seconds|\">x</span>")).hasSize(1);
        assertThat(literalText("t", "<span th:text=\"${#temporals.format(t, 'd MMM yyyy HH:mm zzz', zone)}\">x</span>")).isEmpty();
        assertThat(literalText("t", "<p>— 12 · <a href=\"/\">Plenum</a> API</p>")).isEmpty();
        assertThat(literalText("t", "<span th:text=\"${#messages.msg(ok ? 'tally.met' : 'tally.notYet')}\">x</span>")).isEmpty();
        assertThat(literalText("t", "<p><code>java -jar plenum.jar</code></p>")).isEmpty();
        assertThat(literalText("t", "<span th:text=\"${#messages.msg('status.' + s)}\">x</span>")).isEmpty();
    }

    static List<String> literalText(String name, String html) {
        Document document = Jsoup.parse(html, "", Parser.xmlParser());
        List<String> found = new ArrayList<>();
        for (Element element : document.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey();
                if (READ_ATTRIBUTES.contains(key) && hasWords(attribute.getValue())) {
                    found.add(name + ": " + key + "=\"" + attribute.getValue() + "\"");
                }
                if (EXPRESSION_ATTRIBUTES.contains(key)) {
                    for (String literal : literals(attribute.getValue())) {
                        found.add(name + ": " + key + " literal '" + literal + "'");
                    }
                }
            }
        }
        for (TextNode text : textNodes(document)) {
            if (!replaced(text) && hasWords(text.getWholeText().replaceAll("\\[\\[.*?]]", ""))) {
                found.add(name + ": text \"" + text.getWholeText().strip() + "\"");
            }
        }
        return found;
    }

    private static List<String> literals(String expression) {
        List<String> found = new ArrayList<>();
        String withoutMessages = expression.replaceAll("#\\{[^}]*}", "");
        Matcher quoted = QUOTED.matcher(withoutMessages);
        while (quoted.find()) {
            String literal = quoted.group(1);
            // codes ('VOTING', 'button-primary') and message keys (#messages.msg('tally.met')) are not text
            if (hasWords(literal) && !DATE_PATTERN.matcher(literal).matches()
                    && !literal.matches("[A-Z_]+|[a-z-]+|_[a-z]+|[\\w-]+(\\.[\\w-]*)+")) {
                found.add(literal);
            }
        }
        Matcher substitution = SUBSTITUTION.matcher(withoutMessages.replaceAll("\\$\\{[^}]*}", ""));
        while (substitution.find()) {
            if (hasWords(substitution.group(1))) {
                found.add(substitution.group(1));
            }
        }
        return found;
    }

    private static boolean hasWords(String text) {
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            if (!ALLOWED_WORDS.contains(word.group())) {
                return true;
            }
        }
        return false;
    }

    private static boolean replaced(TextNode text) {
        for (Node n = text.parent(); n instanceof Element e; n = e.parent()) {
            // code (a command line, an id) reads the same in every language
            if (e.tagName().equals("script") || e.tagName().equals("style") || e.tagName().equals("code")) {
                return true;
            }
            for (String attribute : REPLACES_CONTENT) {
                if (e.hasAttr(attribute)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<TextNode> textNodes(Node root) {
        List<TextNode> found = new ArrayList<>();
        for (Node child : root.childNodes()) {
            if (child instanceof TextNode t) {
                found.add(t);
            }
            found.addAll(textNodes(child));
        }
        return found;
    }
}
