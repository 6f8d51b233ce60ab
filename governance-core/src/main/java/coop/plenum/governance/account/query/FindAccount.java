package coop.plenum.governance.account.query;

import coop.plenum.governance.account.AccountId;

/** Query: one account's public view, or nothing. */
public record FindAccount(AccountId accountId) {
}
