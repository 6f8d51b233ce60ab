package coop.plenum.governance.notification;

import coop.plenum.governance.account.AccountId;

/** Query: an account's notifications, newest first, {@code limit} from {@code offset}. */
public record FindNotifications(AccountId accountId, int offset, int limit) {
}
