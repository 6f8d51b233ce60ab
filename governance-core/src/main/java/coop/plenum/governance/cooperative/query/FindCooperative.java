package coop.plenum.governance.cooperative.query;

import coop.plenum.governance.ids.CooperativeId;

/** Query: one cooperative's view, or nothing. */
public record FindCooperative(CooperativeId cooperativeId) {
}
