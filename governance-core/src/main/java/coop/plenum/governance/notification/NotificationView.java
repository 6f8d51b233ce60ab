package coop.plenum.governance.notification;

import java.time.Instant;

/** One notification as its recipient reads it; {@code path} is the page it is about, on this Plenum. */
public record NotificationView(String id, NotificationKind kind, String cooperativeId, String proposalId, String title,
                               String text, String path, Instant createdAt, boolean read) {
}
