package coop.plenum.ledger;

/** A peer's judgement of a contribution. */
public enum Verdict {
    ACCEPT, REJECT
}
