package coop.plenum.governance.calendar.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** The live feed token of one account: only the latest issued hash opens the feed. */
@Document("calendar_feeds")
record CalendarFeedDocument(@Id String id, String tokenHash, Instant issuedAt) {
}
