package coop.plenum.ledger;

/** Only ACTIVE contributors (ACTIVE members of the cooperative) log and evaluate; INACTIVE ones keep what they earned. */
public enum ContributorStanding {
    ACTIVE, INACTIVE
}
