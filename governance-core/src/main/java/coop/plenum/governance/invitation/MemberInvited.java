package coop.plenum.governance.invitation;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;

import java.time.Instant;

/**
 * A fact: a secretary invited this email address into a stakeholder class. The link's token is known only as its
 * SHA-256; the invitation can be used once, before {@code expiresAt}.
 */
public record MemberInvited(CooperativeId cooperativeId, InvitationId invitationId, String email, String classId,
                            String tokenHash, Instant expiresAt, AccountId invitedBy, Instant invitedAt) {
}
