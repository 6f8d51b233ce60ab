package coop.plenum.governance.election;

/** What ended a round of a Meek count. */
public enum MeekAction {
    /** One or more hopeful candidates had strictly more votes than the quota. */
    ELECTED,
    /** The keep values had converged and nobody reached the quota: the hopeful candidate with the fewest votes goes. */
    EXCLUDED,
    /** No more hopeful candidates than seats left: all of them are elected. */
    ELECTED_REMAINING
}
