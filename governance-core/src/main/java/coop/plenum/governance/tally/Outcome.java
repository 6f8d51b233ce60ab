package coop.plenum.governance.tally;

/** How a vote ends: SPEC "Tally". */
public enum Outcome {
    ACCEPTED, REJECTED, NO_QUORUM,
    /** An option vote whose highest combined score is shared by several options (SPEC "Voting methods"). */
    TIE
}
