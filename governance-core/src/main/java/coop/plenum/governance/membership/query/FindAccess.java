package coop.plenum.governance.membership.query;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;

/** Query: an account's standing in a cooperative; never nothing (no standing is an empty one). */
public record FindAccess(CooperativeId cooperativeId, AccountId accountId) {
}
