package coop.plenum.governance.election;

import java.math.BigDecimal;
import java.util.List;

/**
 * One class's part of a board election's result: its seats, the candidates who stood, the class's electorate power
 * and the power of its members who cast a ballot ({@code participatingPower}, over {@code ballots} ballots), whether
 * the class's quorum was met (weights play no part in an election; {@code weight} is the charter's, for display), and the Meek count ({@code null} when nobody of the class took part: nobody is elected
 * then). {@code elected} is empty when the election as a whole had no quorum.
 */
public record ElectionClassResult(String classId, Integer weight, int seats, List<String> candidates, BigDecimal electoratePower,
                                  BigDecimal participatingPower, int ballots, Integer quorum, boolean quorumMet,
                                  MeekCount count, List<String> elected) {

    public ElectionClassResult {
        candidates = List.copyOf(candidates);
        elected = List.copyOf(elected);
    }
}
