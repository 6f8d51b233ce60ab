package coop.plenum.web;

import coop.plenum.api.proposal.TallyJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 14: server-side SVG charts carry a text alternative and never let a member's text become markup. */
class SvgTest {

    @Test
    void aChartHasATitleAndADescriptionItIsLabelledBy() {
        String svg = Svg.chart("c1", 100, 50, "Points over time", "Alice 3, Bob 5").toSvg();
        assertThat(svg).startsWith("<svg ").endsWith("</svg>").contains("role=\"img\"")
                .contains("aria-labelledby=\"c1-title c1-desc\"")
                .contains("<title id=\"c1-title\">Points over time</title>", "<desc id=\"c1-desc\">Alice 3, Bob 5</desc>");
    }

    @Test
    void textAndAttributesFromMembersAreEscaped() {
        String svg = Svg.chart("x\"><script>", 10, 10, "<b>t</b>", "a & b")
                .text(1, 2, "</text><script>alert(1)</script>", "start", "c\" onload=\"x")
                .rect(0, 0, 1, 1, "fill", "<tip>").toSvg();
        assertThat(svg).doesNotContain("<script>").doesNotContain("<b>").doesNotContain("onload=\"x")
                .contains("&lt;/text&gt;&lt;script&gt;", "a &amp; b", "&lt;tip&gt;", "id=\"x&quot;&gt;&lt;script&gt;\"");
    }

    @Test
    void coordinatesUseADotWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(Svg.chart("c", 10, 10, "t", "d").rect(1.5, 0, 2.25, 3, null).toSvg())
                    .contains("x=\"1.5\"", "width=\"2.25\"", "height=\"3\"");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aFinishedChartTakesNoMoreShapes() {
        Svg svg = Svg.chart("c", 10, 10, "t", "d");
        svg.toSvg();
        assertThatThrownBy(() -> svg.line(0, 0, 1, 1, null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void participationPerClassSaysInWordsWhatTheBarsShow() {
        var workers = new TallyJson.ClassJson("workers", 60, 50, "5.000000", null, null, null, "0.400000", null, false,
                null, null, null, null, null, null);
        String svg = Charts.classParticipation("p", List.of(workers), Map.of("workers", "Workers <&>"), Figures.in(Locale.ENGLISH),
                Words.in(Locale.ENGLISH));
        assertThat(svg).contains("Workers &lt;&amp;&gt; 40\u00a0% of a 50\u00a0% quorum (not met)")
                .contains("width=\"88\"") // 40 % of the 220-unit bar
                .contains("chart-short");
    }
}
