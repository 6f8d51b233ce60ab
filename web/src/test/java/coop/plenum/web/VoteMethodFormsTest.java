package coop.plenum.web;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.kernel.InvalidInput;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The voting methods' page forms read without a server: option ids from labels, ballots from fields, figures for people. */
class VoteMethodFormsTest {

    private static MultiValueMap<String, String> form(String... pairs) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    @Test
    void optionIdsComeFromTheLabelsTheSameEveryTimeAndStayUnique() {
        List<ProposalOption> options = OptionLines.read("Wind turbine\n\n  Éolienne côtière \r\nWind turbine\n¡¿?!\n" + "x".repeat(60));
        assertThat(options).extracting(ProposalOption::id).containsExactly("wind-turbine", "eolienne-cotiere", "wind-turbine-2",
                "option-4", "x".repeat(36));
        assertThat(options.get(1).label()).isEqualTo("Éolienne côtière");
        assertThat(OptionLines.read("Wind turbine\nSolar")).isEqualTo(OptionLines.read("Wind turbine\nSolar"));
        assertThat(OptionLines.read(null)).isEmpty();
    }

    @Test
    void equalRankNumbersTieAndBlankOnesAreLeftUnranked() {
        CastBallot ballot = BallotDraft.of(form("rank-wind", "2", "rank-solar", "1", "rank-hydro", "2", "rank-none", " "))
                .command(new ProposalId("p"), new MemberId("m"), VoteMethod.RANKED);
        assertThat(ballot.ranking()).containsExactly(List.of("solar"), List.of("hydro", "wind"));
        assertThat(ballot.reason()).isNull();
    }

    @Test
    void aRankOrScoreThatIsNoWholeNumberIsRefusedNamingTheField() {
        assertThatThrownBy(() -> BallotDraft.of(form("rank-wind", "first")).command(new ProposalId("p"), new MemberId("m"), VoteMethod.RANKED))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("ranking"));
        assertThatThrownBy(() -> BallotDraft.of(form("rank-wind", "0")).command(new ProposalId("p"), new MemberId("m"), VoteMethod.RANKED))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> BallotDraft.of(form("score-wind", "-1")).command(new ProposalId("p"), new MemberId("m"), VoteMethod.SCORE))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("scores.wind"));
        assertThatThrownBy(() -> BallotDraft.of(form("consent", "maybe")).command(new ProposalId("p"), new MemberId("m"), VoteMethod.CONSENT))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("consent"));
    }

    @Test
    void unscoredOptionsScoreZeroAndApprovalsKeepTheirOrder() {
        CastBallot scored = BallotDraft.of(form("score-wind", "5", "score-solar", "", "reason", "sunny"))
                .command(new ProposalId("p"), new MemberId("m"), VoteMethod.SCORE);
        assertThat(scored.scores()).isEqualTo(Map.of("wind", 5, "solar", 0));
        assertThat(scored.reason()).isEqualTo("sunny");
        CastBallot approved = BallotDraft.of(form("approve", "wind", "approve", "solar", "approve", "hydro"))
                .command(new ProposalId("p"), new MemberId("m"), VoteMethod.APPROVAL);
        assertThat(approved.approve()).containsExactly("wind", "solar", "hydro");
    }

    @Test
    void percentagesAreForPeopleAndTheExactValueIsSaidOnlyWhenTheDecimalIsRounded() {
        assertThat(MethodResults.percent("0.666667", Figures.in(java.util.Locale.ENGLISH))).isEqualTo("66.7\u00a0%");
        assertThat(MethodResults.percent("1.000000", Figures.in(java.util.Locale.ENGLISH))).isEqualTo("100\u00a0%");
        assertThat(MethodResults.percent("0.000000", Figures.in(java.util.Locale.ENGLISH))).isEqualTo("0\u00a0%");
        assertThat(MethodResults.percent(null, Figures.in(java.util.Locale.ENGLISH))).isNull();
        // in the page's language like the yes/no tally (issue 14), while a bar's CSS width stays a plain decimal
        assertThat(MethodResults.percent("0.666667", Figures.in(java.util.Locale.GERMAN))).isEqualTo("66,7\u00a0%");
        assertThat(new MethodResults.Bar("wind", "Wind", "0.666667", "66,7\u00a0%", "", true, false).width()).isEqualTo("66.7");
        assertThat(new MethodResults.Bar("wind", "Wind", null, null, "", true, false).width()).isEqualTo("0");
        assertThat(MethodResults.exact("0.666667", "2/3", Words.in(java.util.Locale.ENGLISH))).isEqualTo("0.666667 (exactly 2/3)");
        assertThat(MethodResults.exact("0.400000", "2/5", Words.in(java.util.Locale.ENGLISH))).isEqualTo("0.400000");
        assertThat(MethodResults.exact("0.800000", null, Words.in(java.util.Locale.ENGLISH))).isEqualTo("0.800000");
    }
}
