package coop.plenum.governance.tally;

/** What a ballot says. ABSTAIN counts towards quorum but not towards approval. */
public enum Choice {
    YES, NO, ABSTAIN
}
