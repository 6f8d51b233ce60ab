package coop.plenum.governance.account.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

@Document("accounts")
record AccountDocument(@Id String id, String username, String displayName, boolean operator, Instant createdAt,
                       String timeZone, String language, String email) {
}
