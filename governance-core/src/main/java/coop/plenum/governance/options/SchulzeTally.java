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
}
