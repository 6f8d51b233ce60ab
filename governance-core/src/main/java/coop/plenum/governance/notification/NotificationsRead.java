package coop.plenum.governance.notification;

import coop.plenum.governance.account.AccountId;

import java.time.Instant;
import java.util.List;

/**
 * A fact: the account read these notifications at {@code readAt}; {@code all}: every notification it had then
 * ({@code notificationIds} empty).
 */
public record NotificationsRead(AccountId accountId, List<String> notificationIds, boolean all, Instant readAt) {
    public NotificationsRead {
        notificationIds = notificationIds == null ? List.of() : List.copyOf(notificationIds);
    }
}
