package coop.plenum.governance.options;

import java.util.List;

/**
 * A RANKED ballot: groups of option ids from most to least preferred; options in one group are tied, options left
 * out rank below every ranked one (tied among themselves).
 */
public record RankedBallot(List<List<String>> ranking) {

    public RankedBallot {
        ranking = ranking.stream().map(List::copyOf).toList();
    }

    /** For people: {@code "wind > solar = none"}. */
    @Override
    public String toString() {
        return ranking.stream().map(g -> String.join(" = ", g)).collect(java.util.stream.Collectors.joining(" > "));
    }
}
