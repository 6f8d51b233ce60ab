package coop.plenum.governance.notification.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An account's display name, to say who did something in a notification. */
@Document("notification_names")
record AccountNameDocument(@Id String accountId, String displayName) {
}
