package coop.plenum.governance.mail;

/** What became of a message handed to {@link OutgoingMail}. */
public enum MailOutcome {
    /** The SMTP server accepted it. */
    SENT,
    /** Email is off on this node ({@code spring.mail.host} unset): nothing was sent, and that is not an error. */
    EMAIL_OFF
}
