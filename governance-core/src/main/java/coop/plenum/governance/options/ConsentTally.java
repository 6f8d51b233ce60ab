package coop.plenum.governance.options;

import coop.plenum.governance.tally.Outcome;

import java.util.List;

/** The result of a CONSENT vote: per-class sums, the objections standing with their reasons, and the outcome. */
public record ConsentTally(List<ConsentClassTally> classes, List<Objection> objections, Outcome outcome) {

    public ConsentTally {
        classes = List.copyOf(classes);
        objections = List.copyOf(objections);
    }

    public boolean quorumMet() {
        return classes.stream().allMatch(ConsentClassTally::quorumMet);
    }
}
