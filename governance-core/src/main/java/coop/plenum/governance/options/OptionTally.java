package coop.plenum.governance.options;

import coop.plenum.governance.tally.Outcome;
import coop.plenum.governance.voting.Ratio;

import java.util.List;

/**
 * The result of an APPROVAL or SCORE vote: per class the exact sums and shares (the explanation), per option the
 * combined score, the {@code winners} (one when ACCEPTED, several on a TIE, none otherwise) and the outcome.
 */
public record OptionTally(VoteMethod method, List<OptionClassTally> classes, List<OptionResult> options,
                          List<String> winners, Outcome outcome) {

    public OptionTally {
        classes = List.copyOf(classes);
        options = List.copyOf(options);
        winners = List.copyOf(winners);
    }

    /** Every class that did not drop out met its quorum. */
    public boolean quorumMet() {
        return classes.stream().allMatch(OptionClassTally::quorumMet);
    }

    /** The winners' combined score (they share it), or {@code null} when no option won. */
    public Ratio winningScore() {
        return winners.isEmpty() ? null : options.stream().filter(o -> o.optionId().equals(winners.get(0)))
                .findFirst().map(OptionResult::score).orElse(null);
    }
}
