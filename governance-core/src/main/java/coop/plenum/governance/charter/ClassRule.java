package coop.plenum.governance.charter;

/** How class approvals combine: a weighted average, or every class must pass on its own. */
public enum ClassRule {
    WEIGHTED, EVERY_CLASS
}
