package coop.plenum.governance.options;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ballot of an option method: the score the member gives each option they score (APPROVAL: 1 for each approved
 * option). Options left out score 0. Sorted by option id so that equal ballots are equal whatever order they came in.
 */
public record OptionBallot(Map<String, Integer> scores) {

    public OptionBallot {
        scores = java.util.Collections.unmodifiableMap(new TreeMap<>(scores));
    }

    public static OptionBallot approving(List<String> optionIds) {
        Map<String, Integer> scores = new TreeMap<>();
        optionIds.forEach(id -> scores.put(id, 1));
        return new OptionBallot(scores);
    }

    /** For people (the page's "counted …" line): {@code "a=1 c=1"}. */
    @Override
    public String toString() {
        return scores.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(" "));
    }

    public int scoreOf(String optionId) {
        return scores.getOrDefault(optionId, 0);
    }

    /** The approved options (score above 0), for showing an approval ballot. */
    public List<String> approved() {
        return scores.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
    }
}
