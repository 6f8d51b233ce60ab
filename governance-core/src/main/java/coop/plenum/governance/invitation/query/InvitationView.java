package coop.plenum.governance.invitation.query;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.invitation.InvitationId;
import coop.plenum.governance.invitation.InvitationStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * An invitation as people read it. {@code recorded} is PENDING, ACCEPTED or REVOKED; {@link #statusAt} adds EXPIRED
 * from the clock. {@code accountId} and {@code memberId} are set once it was accepted; {@code sendings} counts the
 * first sending and each resend.
 */
public record InvitationView(InvitationId invitationId, CooperativeId cooperativeId, String email, String classId,
                             String tokenHash, Instant expiresAt, InvitationStatus recorded, AccountId invitedBy,
                             Instant invitedAt, Instant changedAt, AccountId accountId, MemberId memberId, int sendings) {

    public InvitationStatus statusAt(Instant now) {
        return recorded == InvitationStatus.PENDING && !now.isBefore(expiresAt) ? InvitationStatus.EXPIRED : recorded;
    }

    /** Whether a link's token hashes to this invitation's current token (constant time). */
    public boolean matches(String presentedTokenHash) {
        return presentedTokenHash != null && MessageDigest.isEqual(tokenHash.getBytes(StandardCharsets.US_ASCII),
                presentedTokenHash.getBytes(StandardCharsets.US_ASCII));
    }
}
