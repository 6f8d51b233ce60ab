package coop.plenum.governance.notification.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.Map;

/** An account's notification address and its preferences by kind (kinds absent: the kind's default). */
@Document("notification_settings")
record InboxSettingsDocument(@Id String accountId, String email, Map<String, String> preferences) {
}
