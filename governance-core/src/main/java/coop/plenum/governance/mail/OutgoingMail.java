package coop.plenum.governance.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Sends {@link MailMessage}s through Spring's {@link JavaMailSender}, or reports {@link MailOutcome#EMAIL_OFF} when this
 * node has no SMTP server configured — so features that mail (invitations, resets, notifications) work the same with
 * email off, they only do not send.
 */
public final class OutgoingMail {

    private final JavaMailSender sender;
    private final InternetAddress from;

    public OutgoingMail(Optional<JavaMailSender> sender, String from) {
        this.sender = sender.orElse(null);
        this.from = this.sender == null ? null : address("plenum.mail.from", from);
    }

    public static OutgoingMail off() {
        return new OutgoingMail(Optional.empty(), "");
    }

    public boolean enabled() {
        return sender != null;
    }

    /** The sender address, when email is on. */
    public Optional<String> from() {
        return Optional.ofNullable(from).map(InternetAddress::toString);
    }

    /**
     * @throws MailNotSent when the server cannot be reached or refuses the message
     * @throws IllegalArgumentException when the recipient is not an email address
     */
    public MailOutcome send(MailMessage message) {
        if (sender == null) {
            return MailOutcome.EMAIL_OFF;
        }
        InternetAddress to = address("to", message.to());
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, message.html() != null, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(message.subject());
            if (message.html() != null) {
                helper.setText(message.text(), message.html());
            } else {
                helper.setText(message.text());
            }
            for (var header : message.headers().entrySet()) {
                mime.setHeader(header.getKey(), header.getValue());
            }
            sender.send(mime);
            return MailOutcome.SENT;
        } catch (MessagingException | MailException e) {
            throw new MailNotSent("mail to " + to + " not sent: " + e.getMessage(), e);
        }
    }

    static InternetAddress address(String field, String value) {
        try {
            InternetAddress address = new InternetAddress(value, true);
            if (address.getAddress() == null || !address.getAddress().contains("@")) {
                throw new AddressException("no domain", value);
            }
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException(field + " is not an email address: " + value, e);
        }
    }
}
