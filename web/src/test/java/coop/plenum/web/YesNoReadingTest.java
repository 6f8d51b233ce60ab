package coop.plenum.web;

import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.tally.ClassTally;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.governance.tally.Tally;
import coop.plenum.governance.voting.Ratio;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: a closed YES_NO vote says in one sentence why it passed or failed, and the rule reads as words. */
class YesNoReadingTest {

    private static final Map<String, String> NAMES = Map.of("workers", "Workers", "users", "Users");
    private static final Figures FIG = Figures.in(Locale.ENGLISH);

    private static ClassTally cls(String id, int quorum, String e, String y, String n, String a) {
        BigDecimal E = new BigDecimal(e), Y = new BigDecimal(y), N = new BigDecimal(n), A = new BigDecimal(a);
        Ratio participation = E.signum() == 0 ? null : Ratio.of(Y.add(N).add(A), E);
        Ratio approval = Y.add(N).signum() == 0 ? null : Ratio.of(Y, Y.add(N));
        boolean quorumMet = participation == null || participation.isAtLeast(Ratio.of(quorum, 100));
        return new ClassTally(id, id.equals("workers") ? 60 : 40, quorum, E, Y, N, A, participation, approval, quorumMet,
                E.signum() == 0);
    }

    private static String why(Tally tally, Threshold threshold, ClassRule rule) {
        return YesNoReading.of(tally, true, new DecisionRule(threshold, rule), NAMES, FIG, Words.in(Locale.ENGLISH)).why();
    }

    @Test
    void aVoteShortOfAQuorumNamesTheClassItsParticipationAndItsQuorum() {
        Tally t = new Tally(List.of(cls("workers", 60, "5", "1", "1", "0"), cls("users", 20, "4", "1", "0", "0")), null,
                Outcome.NO_QUORUM);
        assertThat(why(t, Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED))
                .isEqualTo("Not decided for lack of quorum: the Workers class reached 40\u00a0% of its 60\u00a0% quorum.");
    }

    @Test
    void anAcceptedWeightedVoteGivesItsApprovalAndTheLineItCleared() {
        Tally t = new Tally(List.of(cls("workers", 50, "4", "3", "1", "0")), Ratio.of(3, 4), Outcome.ACCEPTED);
        assertThat(why(t, Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED))
                .isEqualTo("Accepted: 75\u00a0% approval, above the half line, every class quorate.");
    }

    @Test
    void exactlyTwoThirdsPassesOnTheLineAndIsSaidSo() {
        Tally t = new Tally(List.of(cls("workers", 50, "3", "2", "1", "0")), Ratio.of(2, 3), Outcome.ACCEPTED);
        assertThat(why(t, Threshold.TWO_THIRDS, ClassRule.WEIGHTED))
                .isEqualTo("Accepted: 66.7\u00a0% approval, at or above the two-thirds line, every class quorate.");
    }

    @Test
    void exactlyHalfFailsASimpleMajority() {
        Tally t = new Tally(List.of(cls("workers", 50, "2", "1", "1", "0")), Ratio.ONE_HALF, Outcome.REJECTED);
        assertThat(why(t, Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED))
                .isEqualTo("Rejected: 50\u00a0% approval, short of the half line (more than half was needed), every class quorate.");
    }

    @Test
    void everyClassNamesTheClassThatFellShort() {
        Tally t = new Tally(List.of(cls("workers", 50, "2", "2", "0", "0"), cls("users", 20, "5", "2", "3", "0")),
                Ratio.of(2, 5), Outcome.REJECTED);
        assertThat(why(t, Threshold.SIMPLE_MAJORITY, ClassRule.EVERY_CLASS))
                .isEqualTo("Rejected: the Users class approved 40\u00a0%, short of the half line that every class must reach.");
    }

    @Test
    void nobodyVotingYesOrNoIsRejectedForWantOfApproval() {
        Tally t = new Tally(List.of(cls("workers", 50, "2", "0", "0", "2")), null, Outcome.REJECTED);
        assertThat(why(t, Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED)).startsWith("Rejected: nobody voted yes or no");
    }

    @Test
    void anOpenVoteHasNoWhyButItsRuleInWordsAndPassLine() {
        // a live tally carries the outcome it would have now: no reason is given before the vote closes
        YesNoReading open = YesNoReading.of(new Tally(List.of(cls("workers", 50, "2", "1", "0", "0")), Ratio.ONE, Outcome.ACCEPTED), false,
                new DecisionRule(Threshold.TWO_THIRDS, ClassRule.EVERY_CLASS), NAMES, FIG, Words.in(Locale.ENGLISH));
        assertThat(open.why()).isNull();
        assertThat(open.rule()).startsWith("Passes with at least two thirds of the yes and no votes in every class");
        assertThat(open.passLine()).isEqualTo("66.6667");
        assertThat(open.line("workers").approvalWidth()).isEqualTo("100");
        // the bars are drawn on the server too (no JavaScript needed): 1 yes of a power of 2
        assertThat(open.line("workers").yesWidth()).isEqualTo("50");
        assertThat(open.line("workers").noWidth()).isEqualTo("0");
    }

    @Test
    void aSpanishOrGermanReaderReadsWhyAVotePassedOrFailedInTheirLanguage() {
        Tally accepted = new Tally(List.of(cls("workers", 50, "4", "3", "1", "0")), Ratio.of(3, 4), Outcome.ACCEPTED);
        DecisionRule majority = new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED);
        assertThat(YesNoReading.of(accepted, true, majority, NAMES, Figures.in(Locale.forLanguageTag("es")),
                Words.in(Locale.forLanguageTag("es"))).why())
                .isEqualTo("Aceptada: 75\u00a0% de aprobación, por encima de la línea de la mitad, todas las clases con quórum.");
        Tally noQuorum = new Tally(List.of(cls("workers", 60, "5", "1", "1", "0"), cls("users", 20, "4", "1", "0", "0")), null,
                Outcome.NO_QUORUM);
        YesNoReading german = YesNoReading.of(noQuorum, true, majority, NAMES, Figures.in(Locale.GERMAN), Words.in(Locale.GERMAN));
        assertThat(german.why())
                .isEqualTo("Nicht entschieden, weil das Quorum fehlte: die Klasse Workers erreichte 40\u00a0% ihres Quorums von 60\u00a0%.");
        assertThat(german.rule()).startsWith("Angenommen mit mehr als der Hälfte der Ja- und Nein-Stimmen");
    }
}
