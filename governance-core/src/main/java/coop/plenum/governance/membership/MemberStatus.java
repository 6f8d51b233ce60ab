package coop.plenum.governance.membership;

/** SPEC "Membership": APPLIED → ACTIVE → SUSPENDED ⇄ ACTIVE; → WITHDRAWN | EXPELLED; APPLIED → REJECTED. */
public enum MemberStatus {
    APPLIED, ACTIVE, SUSPENDED, WITHDRAWN, EXPELLED, REJECTED
}
