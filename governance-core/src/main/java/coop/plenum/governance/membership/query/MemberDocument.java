package coop.plenum.governance.membership.query;

import coop.plenum.governance.membership.MemberStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

@Document("members")
record MemberDocument(@Id String id, String cooperativeId, String accountId, String displayName, String classId,
                      MemberStatus status, Instant appliedAt, Instant memberSince, List<Change> history) {

    /** {@code sequence} is the event's sequence in the cooperative's stream: the key that makes appends idempotent. */
    record Change(long sequence, String change, MemberStatus status, String classId, Instant at, String by) {
    }
}
