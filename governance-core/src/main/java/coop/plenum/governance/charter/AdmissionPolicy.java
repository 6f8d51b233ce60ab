package coop.plenum.governance.charter;

/** Who admits applicants: a secretary, or only an accepted ADMISSION proposal. */
public enum AdmissionPolicy {
    SECRETARY, VOTE
}
