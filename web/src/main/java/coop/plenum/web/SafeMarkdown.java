package coop.plenum.web;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.springframework.web.util.HtmlUtils;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A comment's Markdown as HTML that can be put on a page as it is (issue 14): emphasis, links, lists, quotes and
 * code, and nothing that runs. Two locks, each enough on its own for what it covers:
 * <ol>
 *   <li>commonmark renders raw HTML in the text as escaped text ({@code escapeHtml}) and only keeps link and image
 *       URLs of safe schemes ({@code sanitizeUrls}: {@code javascript:} and {@code data:} become empty);</li>
 *   <li>the result is cleaned against a jsoup {@link Safelist} (basic formatting, links of http, https and mailto,
 *       {@code rel="nofollow noopener"} added; no images, no attributes but {@code href}), so a renderer bug or a
 *       future option cannot let an element or attribute through that the list does not name.</li>
 * </ol>
 * commonmark's renderer recurses once per level of nesting: a comment nested deeper than {@value #MAX_DEPTH}
 * levels (5,000 {@code >} make a stack overflow a thread can die of) is shown as escaped plain text instead.
 */
final class SafeMarkdown {

    static final int MAX_DEPTH = 40;

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak("<br>\n").build();
    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr", "del")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");
    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private SafeMarkdown() {
    }

    /** The HTML of {@code markdown}, safe to insert unescaped. */
    static String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = PARSER.parse(markdown);
        if (depth(document) > MAX_DEPTH) {
            return plain(markdown);
        }
        return Jsoup.clean(RENDERER.render(document), "", ALLOWED, COMPACT).strip();
    }

    /** The text itself, escaped, its line breaks kept. */
    static String plain(String text) {
        return "<p>" + HtmlUtils.htmlEscape(text).replace("\n", "<br>\n") + "</p>";
    }

    /** How deep the tree goes, walked without recursion (that is what it guards). */
    private static int depth(Node root) {
        int deepest = 0;
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int depth = depths.pop();
            deepest = Math.max(deepest, depth);
            if (deepest > MAX_DEPTH) {
                return deepest;
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                nodes.push(child);
                depths.push(depth + 1);
            }
        }
        return deepest;
    }
}
