package coop.plenum.api.invitation;

import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.cooperative.query.CooperativeView;
import coop.plenum.governance.mail.MailMessage;
import coop.plenum.governance.mail.MailNotSent;
import coop.plenum.governance.mail.OutgoingMail;
import coop.plenum.governance.mail.PublicUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The invitation email. It is sent by the request that made the token, because only that request ever holds the
 * token in clear (the log keeps its SHA-256): an event processor could not write the link. Plain text only, so
 * nothing a secretary or a cooperative's name contains can become markup in a mail reader.
 */
@Component
class InvitationMail {

    private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final OutgoingMail mail;
    private final PublicUrl publicUrl;

    InvitationMail(OutgoingMail mail, PublicUrl publicUrl) {
        this.mail = mail;
        this.publicUrl = publicUrl;
    }

    /** The link a person opens: the invitation's id and its token, nothing else. */
    String link(String invitationId, String token) {
        return publicUrl.link("/invitations/" + invitationId + "/" + token);
    }

    SentInvitation.Delivery send(String email, String link, CooperativeView coop, String classId, String inviter, Instant expiresAt) {
        String className = coop.charter().classes().stream().filter(c -> c.id().equals(classId)).map(StakeholderClass::name)
                .findFirst().orElse(classId);
        String subject = "Invitation to join " + coop.name();
        String text = """
                Hello,

                %s invites you to join %s as a member of the class "%s".

                Open this link to create your account, or to sign in with the one you have:

                %s

                The link works once, until %s. If you did not expect this invitation, ignore this email: nothing happens \
                until the link is used.
                """.formatted(inviter, coop.name(), className, link, WHEN.format(expiresAt));
        try {
            return SentInvitation.of(mail.send(MailMessage.plain(email, subject.length() > 200 ? subject.substring(0, 200) : subject, text)));
        } catch (MailNotSent | IllegalArgumentException failed) {
            // the invitation stands; the secretary sees the link and can resend later
            log.warn("Invitation mail not sent: {}", failed.getMessage());
            return SentInvitation.Delivery.MAIL_FAILED;
        }
    }
}
