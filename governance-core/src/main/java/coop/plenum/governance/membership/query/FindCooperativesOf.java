package coop.plenum.governance.membership.query;

import coop.plenum.governance.account.AccountId;

/** Query: the cooperatives where an account holds a membership or a role, by name. */
public record FindCooperativesOf(AccountId accountId) {
}
