package coop.plenum.governance.proposal;

/** DELIBERATION → VOTING → CLOSED (→ EXECUTED once an accepted effect is applied); DELIBERATION → WITHDRAWN. */
public enum ProposalState {
    DELIBERATION, VOTING, CLOSED, WITHDRAWN, EXECUTED
}
