package coop.plenum.governance.election;

import java.util.List;

/**
 * The result of one Meek STV count: the elected in the order they were elected, the excluded in the order they
 * were excluded, the hopeful candidates left over when every seat was filled ({@code notElected}), and every round.
 */
public record MeekCount(List<String> candidates, int seats, List<String> elected, List<String> excluded,
                        List<String> notElected, List<MeekRound> rounds) {

    public MeekCount {
        candidates = List.copyOf(candidates);
        elected = List.copyOf(elected);
        excluded = List.copyOf(excluded);
        notElected = List.copyOf(notElected);
        rounds = List.copyOf(rounds);
    }
}
