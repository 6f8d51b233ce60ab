package coop.plenum.governance.account.login;

import coop.plenum.governance.account.AccountId;

/** What authentication needs to know about an account. */
public record AccountLogin(AccountId accountId, String username, String displayName, String passwordHash,
                           boolean operator) {
}
