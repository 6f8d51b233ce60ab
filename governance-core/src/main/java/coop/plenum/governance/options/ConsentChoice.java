package coop.plenum.governance.options;

/** SPEC "Voting methods", CONSENT: what a member says to the proposal. */
public enum ConsentChoice {
    CONSENT, STAND_ASIDE, OBJECT
}
