package coop.plenum.governance.notification;

import java.time.Instant;
import java.util.List;

/**
 * One notification as its recipient reads it; {@code path} is the page it is about, on this Plenum. {@code title} and
 * {@code text} are English; {@code code} and {@code params} (null on older entries) let a page say it in the reader's
 * language.
 */
public record NotificationView(String id, NotificationKind kind, String cooperativeId, String proposalId, String title,
                               String text, String path, Instant createdAt, boolean read, String code, List<String> params) {
}
