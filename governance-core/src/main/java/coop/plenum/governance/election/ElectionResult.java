package coop.plenum.governance.election;

import coop.plenum.governance.tally.Outcome;

import java.util.List;

/**
 * A board election's result: the outcome (docs/tally.md, "ELECTION: outcome"), every contested class's count, and
 * the elected of all classes in class order ({@code elected}, what {@code VotingClosed.winners} records).
 */
public record ElectionResult(Outcome outcome, List<ElectionClassResult> classes, List<String> elected) {

    public ElectionResult {
        classes = List.copyOf(classes);
        elected = List.copyOf(elected);
    }
}
