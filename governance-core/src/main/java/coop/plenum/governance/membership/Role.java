package coop.plenum.governance.membership;

/** Per-cooperative roles (SPEC "Accounts and roles"); OPERATOR is platform-wide and lives on the account. */
public enum Role {
    MEMBER, SECRETARY, AUDITOR
}
