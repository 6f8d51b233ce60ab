package coop.plenum.governance.notification.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One notification in one account's inbox. {@code id} is the idempotency key: the causing event's identifier, the
 * recipient and the kind, so a redelivered or replayed event finds its notification already there.
 */
@Document("notifications")
record NotificationDocument(@Id String id, String accountId, String kind, String cooperativeId, String proposalId,
                            String title, String text, String path, Instant createdAt, boolean read, String delivery,
                            boolean digested) {

    static String key(String eventId, String accountId, String kind) {
        return eventId + "|" + accountId + "|" + kind;
    }
}
