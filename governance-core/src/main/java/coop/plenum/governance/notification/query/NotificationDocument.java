package coop.plenum.governance.notification.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One notification in one account's inbox. {@code id} is the idempotency key: the causing event's identifier, the
 * recipient and the kind, so a redelivered or replayed event finds its notification already there.
 * <p>
 * {@code title} and {@code text} are English (mail, the API, older pages). {@code code} and {@code params}, when
 * present, let a page say the same in its reader's language (issue 14); entries stored before they existed have
 * neither, and are shown as stored.
 */
@Document("notifications")
record NotificationDocument(@Id String id, String accountId, String kind, String cooperativeId, String proposalId,
                            String title, String text, String path, Instant createdAt, boolean read, String delivery,
                            boolean digested, String code, List<String> params) {

    static String key(String eventId, String accountId, String kind) {
        return eventId + "|" + accountId + "|" + kind;
    }
}
