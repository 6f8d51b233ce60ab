package coop.plenum.governance.membership.query;

import coop.plenum.governance.cooperative.CooperativeId;

/** Query: every membership of a cooperative (any status), by display name. */
public record FindMembers(CooperativeId cooperativeId) {
}
