package coop.plenum.governance.invitation;

/**
 * One person to invite: their email address, the stakeholder class they are invited into, and the SHA-256 (hex) of
 * the random token their link carries. The token itself never reaches the command bus or the event log.
 */
public record Invitee(InvitationId invitationId, String email, String classId, String tokenHash) {
}
