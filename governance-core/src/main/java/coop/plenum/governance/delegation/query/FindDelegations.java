package coop.plenum.governance.delegation.query;

import coop.plenum.governance.ids.CooperativeId;

/** Every delegation in force in a cooperative. */
public record FindDelegations(CooperativeId cooperativeId) {
}
