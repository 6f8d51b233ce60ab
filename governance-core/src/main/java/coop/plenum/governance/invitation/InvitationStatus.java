package coop.plenum.governance.invitation;

/** Where an invitation stands; EXPIRED is read from the clock, never recorded. */
public enum InvitationStatus {
    PENDING, ACCEPTED, EXPIRED, REVOKED
}
