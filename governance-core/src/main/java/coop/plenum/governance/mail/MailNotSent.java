package coop.plenum.governance.mail;

/** The SMTP server could not be reached or refused the message; the caller decides whether to retry. */
public class MailNotSent extends RuntimeException {
    public MailNotSent(String message, Throwable cause) {
        super(message, cause);
    }
}
