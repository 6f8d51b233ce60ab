package coop.plenum.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: the ledger's and a vote's charts say in words (their SVG description) every figure they draw. */
class ChartsTest {

    private static final Figures FIG = Figures.in(Locale.ENGLISH);
    private static final Words WORDS = Words.in(Locale.ENGLISH);

    @Test
    void pointsOverTimeDescribeTheRunningTotalDayByDay() {
        TreeMap<LocalDate, BigDecimal> daily = new TreeMap<>();
        daily.put(LocalDate.of(2026, 3, 2), new BigDecimal("15.000000"));
        daily.put(LocalDate.of(2026, 3, 1), new BigDecimal("2.500000"));
        String svg = Charts.pointsOverTime("pts", daily, FIG, WORDS);
        assertThat(svg).contains("<title id=\"pts-title\">Accepted points over time</title>")
                .contains("1 Mar 2026: 2.5; 2 Mar 2026: 17.5.").contains("<polyline");
    }

    @Test
    void noPointsYetIsSaidRatherThanDrawnAsAnEmptyLine() {
        assertThat(Charts.pointsOverTime("pts", new TreeMap<>(), FIG, WORDS)).contains("No accepted points yet.").doesNotContain("<polyline");
    }

    @Test
    void revenueSharesGiveEachMembersAmountAndShare() {
        TreeMap<String, TreeMap<String, BigDecimal>> earnings = new TreeMap<>();
        TreeMap<String, BigDecimal> eur = new TreeMap<>();
        eur.put("Bob", new BigDecimal("33.33"));
        eur.put("Ada", new BigDecimal("66.67"));
        earnings.put("EUR", eur);
        String svg = Charts.revenueShares("rev", earnings, FIG, WORDS);
        assertThat(svg).contains("Revenue shared out per currency: EUR 100: Ada 66.67 (66.7\u00a0%), Bob 33.33 (33.3\u00a0%).")
                .contains("chart-part-0").contains("chart-part-1");
    }

    @Test
    void aClassParticipationOverTheVotingPeriodIsDescribedAgainstItsQuorum() {
        Instant open = Instant.parse("2026-12-01T10:00:00Z");
        String svg = Charts.participationOverTime("ot", "Workers", 50, List.of(new Charts.Sample(open, "0.000000"),
                new Charts.Sample(open.plusSeconds(3600), "0.400000"), new Charts.Sample(open.plusSeconds(7200), "0.600000")), FIG, WORDS,
                java.time.ZoneId.of("UTC"));
        assertThat(svg).contains("Workers: participation over the voting period")
                .contains("Workers class participation against its 50\u00a0% quorum: 1 Dec 10:00 UTC 0\u00a0%; 1 Dec 11:00 UTC 40\u00a0%; 1 Dec 12:00 UTC 60\u00a0%.");
    }

    @Test
    void anElectionsRoundsAreDescribedRoundByRoundWithTheQuotaInTheReadersWords() {
        String svg = Charts.electionRounds("el", List.of("Dan", "Eve", "Flo"),
                List.of(List.of("3.000000", "3.500000"), List.of("2.000000", "2.500000"), List.of("1.000000", "0.000000")),
                List.of("2.000000", "2.000000"), "Workers: votes per candidate in each round, with the quota", "Round", "Quota", FIG);
        assertThat(svg).contains("<title id=\"el-title\">Workers: votes per candidate in each round, with the quota</title>")
                .contains("Round 1: Dan 3, Eve 2, Flo 1; Quota 2. Round 2: Dan 3.5, Eve 2.5, Flo 0; Quota 2.")
                .contains("Dan, Round 2: 3.5 (3.500000)");
        // three bars in each of two rounds, three legend swatches, and one quota mark per round
        assertThat(svg.split("<rect ", -1)).hasSize(1 + 6 + 3);
        assertThat(svg.split("class=\"chart-mark\"", -1)).hasSize(1 + 2);
    }

    @Test
    void anElectionChartSpeaksSpanishWithSpanishNumbersAndEscapesNames() {
        String svg = Charts.electionRounds("el", List.of("Ana <b>"), List.of(List.of("1.500000")), List.of("0.750000"),
                "Trabajo: votos por candidatura en cada ronda, con la cuota", "Ronda", "Cuota", Figures.in(Locale.forLanguageTag("es")));
        assertThat(svg).contains("Ronda 1: Ana &lt;b&gt; 1,5; Cuota 0,75.").doesNotContain("<b>");
    }

    @Test
    void aChartsTitleAndTextAlternativeAreInTheReadersLanguage() {
        TreeMap<LocalDate, BigDecimal> daily = new TreeMap<>();
        daily.put(LocalDate.of(2026, 3, 1), new BigDecimal("1250.500000"));
        String german = Charts.pointsOverTime("pts", daily, Figures.in(Locale.GERMAN), Words.in(Locale.GERMAN));
        assertThat(german).contains("Anerkannte Punkte im Zeitverlauf", "1. März 2026: 1.250,5.").doesNotContain("Accepted points");
        String spanish = Charts.revenueShares("rev", new TreeMap<>(), Figures.in(Locale.forLanguageTag("es")),
                Words.in(Locale.forLanguageTag("es")));
        assertThat(spanish).contains("Reparto de ingresos", "Aún no se han registrado ingresos.").doesNotContain("Revenue");
    }
}
