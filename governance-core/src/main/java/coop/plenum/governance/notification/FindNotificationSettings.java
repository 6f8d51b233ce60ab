package coop.plenum.governance.notification;

import coop.plenum.governance.account.AccountId;

/** Query: an account's notification address and its delivery per kind (defaults filled in). */
public record FindNotificationSettings(AccountId accountId) {
}
