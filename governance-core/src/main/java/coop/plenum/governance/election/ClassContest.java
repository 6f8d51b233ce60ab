package coop.plenum.governance.election;

import java.util.List;
import java.util.Objects;

/** One class's part of a board election: its seats, the candidates standing for it, and its members' ballots. */
public record ClassContest(String classId, int seats, List<String> candidates, List<RankedVote> ballots) {

    public ClassContest {
        Objects.requireNonNull(classId, "classId");
        candidates = List.copyOf(candidates);
        ballots = List.copyOf(ballots);
    }
}
