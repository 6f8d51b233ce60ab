package coop.plenum.api.invitation;

import coop.plenum.governance.invitation.InvitationId;
import coop.plenum.governance.mail.MailOutcome;

import java.time.Instant;

/**
 * An invitation just made or resent. {@code link} is set only when the email was not sent (email off, or the mail
 * server refused): it is the one moment the clear token exists, so it is shown to the secretary once, to pass on by hand.
 */
public record SentInvitation(InvitationId invitationId, String email, String classId, Instant expiresAt,
                             Delivery delivery, String link) {

    /** How the link left: mailed, not mailed because email is off, or the mail server failed. */
    public enum Delivery {
        MAILED, EMAIL_OFF, MAIL_FAILED
    }

    static Delivery of(MailOutcome outcome) {
        return outcome == MailOutcome.SENT ? Delivery.MAILED : Delivery.EMAIL_OFF;
    }
}
