package coop.plenum.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One in-process SMTP server (GreenMail) on a free loopback port for the booted app of a test JVM: every booted
 * test sends through it, and tests find their mail by its recipient (each test invents its own addresses).
 */
public final class TestMail {

    /** Links in mail start with this public URL; tests follow the path on the app's own port. */
    public static final String PUBLIC_URL = "https://vote.example.coop";
    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized int port() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
        }
        return server.getSmtp().getPort();
    }

    /** The messages to this address so far, waiting up to 10 s for at least {@code atLeast} to arrive. */
    public static List<MimeMessage> to(String address, int atLeast) {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<MimeMessage> found = Arrays.stream(server.getReceivedMessages()).filter(m -> {
                try {
                    return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
                } catch (MessagingException e) {
                    return false;
                }
            }).toList();
            if (found.size() >= atLeast || Instant.now().isAfter(until)) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    public static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }

    /** The path (after the public URL) of the first link in the mail that starts with {@code pathPrefix}. */
    public static String linkPath(MimeMessage message, String pathPrefix) {
        Matcher m = Pattern.compile(Pattern.quote(PUBLIC_URL + pathPrefix) + "[A-Za-z0-9_\\-/]+").matcher(body(message));
        if (!m.find()) {
            throw new AssertionError("no link to " + pathPrefix + " in: " + body(message));
        }
        return m.group().substring(PUBLIC_URL.length());
    }
}
