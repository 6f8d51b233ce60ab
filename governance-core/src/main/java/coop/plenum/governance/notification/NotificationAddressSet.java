package coop.plenum.governance.notification;

import coop.plenum.governance.account.AccountId;

import java.time.Instant;

/** A fact: from {@code setAt}, the account's notification emails go to {@code email} (null: to nobody). */
public record NotificationAddressSet(AccountId accountId, String email, Instant setAt) {
}
