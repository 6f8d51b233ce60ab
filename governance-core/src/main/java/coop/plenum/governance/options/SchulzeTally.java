package coop.plenum.governance.options;

import coop.plenum.governance.tally.Outcome;
import coop.plenum.governance.voting.Ratio;

import java.util.List;

/**
 * The result of a RANKED vote (Schulze): per class the participation and quorum, the combined pairwise matrix
 * {@code d[a][b]} (the weighted share of participating power ranking a above b), the strongest path strengths
 * {@code p[a][b]} (winning strengths), the full ranking (options by how many others they beat on paths, ties kept
 * in option order), the winners (unbeaten options) and the outcome. Matrices are indexed in the options' order and
 * are {@code null} when no class took part.
 */
public record SchulzeTally(List<ProposalOption> options, List<OptionClassTally> classes, Ratio[][] d, Ratio[][] p,
                           List<List<String>> ranking, List<String> winners, Outcome outcome) {

    /** By value, matrices included: a record compares array components by identity, so a replayed tally never equalled the live one. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SchulzeTally that && options.equals(that.options) && classes.equals(that.classes)
                && java.util.Arrays.deepEquals(d, that.d) && java.util.Arrays.deepEquals(p, that.p)
                && ranking.equals(that.ranking) && winners.equals(that.winners) && outcome == that.outcome;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(options, classes, java.util.Arrays.deepHashCode(d), java.util.Arrays.deepHashCode(p),
                ranking, winners, outcome);
    }

    @Override
    public String toString() {
        return "SchulzeTally[outcome=" + outcome + ", winners=" + winners + ", ranking=" + ranking + ", d="
                + java.util.Arrays.deepToString(d) + ", p=" + java.util.Arrays.deepToString(p) + ", classes=" + classes + "]";
    }
}
