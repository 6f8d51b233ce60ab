package coop.plenum.governance.proposal;

/** GENERAL has no effect; the others change the cooperative once ACCEPTED. */
public enum ProposalKind {
    GENERAL, CHARTER_AMENDMENT, ADMISSION, EXPULSION
}
