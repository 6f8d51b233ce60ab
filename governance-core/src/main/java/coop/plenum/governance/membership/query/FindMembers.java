package coop.plenum.governance.membership.query;

import coop.plenum.governance.ids.CooperativeId;

/** Query: every membership of a cooperative (any status), by display name. */
public record FindMembers(CooperativeId cooperativeId) {
}
