package coop.plenum.governance.invitation.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One invitation; {@code lastSequence} is the aggregate sequence of the last event applied, so redelivery changes nothing. */
@Document("invitations")
record InvitationDocument(@Id String id, String cooperativeId, String email, String classId, String tokenHash,
                          Instant expiresAt, String status, String invitedBy, Instant invitedAt, Instant changedAt,
                          String accountId, String memberId, int sendings, long lastSequence) {
}
