package coop.plenum.api.membership;

import coop.plenum.governance.membership.Role;

import java.util.List;

/** {@code PUT …/roles/{accountId}}: the complete set of roles the account should hold (SECRETARY, AUDITOR). */
public record RolesRequest(List<Role> roles) {
}
