package coop.plenum.governance.notification;

import coop.plenum.governance.account.AccountId;

import java.time.Instant;

/** A fact: from {@code setAt}, the account wants notifications of {@code kind} delivered as {@code delivery}. */
public record NotificationPreferenceSet(AccountId accountId, NotificationKind kind, Delivery delivery, Instant setAt) {
}
