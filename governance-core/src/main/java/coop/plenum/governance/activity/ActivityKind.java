package coop.plenum.governance.activity;

/**
 * What an activity entry tells. {@code SECRET_BALLOT_CAST}: a member took part in a secret vote (SPEC "secrecy:
 * SECRET": who took part is public, the choice never is).
 */
public enum ActivityKind {
    PROPOSAL_SUBMITTED, PROPOSAL_WITHDRAWN, VOTING_OPENED, VOTING_CLOSED, BALLOT_CAST, SECRET_BALLOT_CAST,
    MEMBER_ADMITTED, MEMBERSHIP_WITHDRAWN, MEMBER_EXPELLED,
    CONTRIBUTION_LOGGED, CONTRIBUTION_EVALUATED, CONTRIBUTION_ACCEPTED, CONTRIBUTION_REJECTED,
    CHARTER_AMENDED, DELEGATION_SET, DELEGATION_REVOKED
}
