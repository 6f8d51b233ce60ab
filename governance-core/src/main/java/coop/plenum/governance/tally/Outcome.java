package coop.plenum.governance.tally;

/** How a vote ends: SPEC "Tally". */
public enum Outcome {
    ACCEPTED, REJECTED, NO_QUORUM
}
