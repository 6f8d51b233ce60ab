package coop.plenum.governance.account.query;

import coop.plenum.governance.account.AccountId;

import java.util.Collection;

/** Query: the views of these accounts (unknown ids are left out). */
public record FindAccounts(Collection<AccountId> accountIds) {
}
