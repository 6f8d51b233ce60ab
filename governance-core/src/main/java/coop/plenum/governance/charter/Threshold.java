package coop.plenum.governance.charter;

/** How much approval passes a proposal: strictly more than half, or at least two thirds. */
public enum Threshold {
    SIMPLE_MAJORITY, TWO_THIRDS
}
