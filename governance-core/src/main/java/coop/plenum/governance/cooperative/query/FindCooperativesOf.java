package coop.plenum.governance.cooperative.query;

import coop.plenum.governance.account.AccountId;

/** Query: the cooperatives where this account holds a membership or a role, by name. */
public record FindCooperativesOf(AccountId accountId) {
}
