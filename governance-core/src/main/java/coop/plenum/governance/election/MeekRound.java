package coop.plenum.governance.election;

import coop.plenum.governance.voting.Ratio;

import java.util.List;
import java.util.Map;

/**
 * One round of a Meek count, as it stood when the round's decision was taken (all values exact):
 * the quota, every candidate's votes and keep value, the exhausted weight, the total surplus of the elected, how
 * many distributions (iterations) the round took, and each candidate's gain or loss since the previous round
 * ({@code transfers}, with {@code exhaustedTransfer} the change in exhausted weight). Candidates excluded earlier
 * show 0 votes and keep value 0.
 */
public record MeekRound(int number, MeekAction action, List<String> candidates, Ratio quota,
                        Map<String, Ratio> votes, Map<String, Ratio> keepValues, Ratio exhausted, Ratio surplus,
                        int iterations, Map<String, Ratio> transfers, Ratio exhaustedTransfer) {

    public MeekRound {
        candidates = List.copyOf(candidates);
        votes = Map.copyOf(votes);
        keepValues = Map.copyOf(keepValues);
        transfers = Map.copyOf(transfers);
    }
}
