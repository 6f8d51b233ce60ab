package coop.plenum.governance.cooperative;

/** Who admits applicants: a secretary, or only an accepted ADMISSION proposal. */
public enum AdmissionPolicy {
    SECRETARY, VOTE
}
