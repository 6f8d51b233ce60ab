package coop.plenum.governance.activity.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** An activity entry ({@code id}: the event's identifier, so a replayed or redelivered event writes the same entry). */
@Document("activity")
record ActivityEntryDocument(@Id String id, String cooperativeId, Instant at, String kind, String actor, String subject,
                             String proposalId, String title, String detail) {
}
