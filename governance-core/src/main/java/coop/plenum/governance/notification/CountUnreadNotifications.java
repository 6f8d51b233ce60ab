package coop.plenum.governance.notification;

import coop.plenum.governance.account.AccountId;

/** Query: how many of an account's notifications are unread. */
public record CountUnreadNotifications(AccountId accountId) {
}
