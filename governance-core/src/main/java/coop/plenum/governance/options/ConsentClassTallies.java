package coop.plenum.governance.options;

import java.util.List;

/**
 * What the consent count's sums say on their own: each class's figures and whether anyone's power took part.
 * {@link ConsentMethod#tally} adds the objections, which come from the counted ballots, and decides.
 */
public record ConsentClassTallies(List<ConsentClassTally> classes, boolean anyoneTookPart) {

    public ConsentClassTallies {
        classes = List.copyOf(classes);
    }

    public boolean quorumMet() {
        return classes.stream().allMatch(ConsentClassTally::quorumMet);
    }
}
