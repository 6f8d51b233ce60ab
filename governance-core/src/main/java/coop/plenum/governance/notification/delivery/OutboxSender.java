package coop.plenum.governance.notification.delivery;

import coop.plenum.governance.mail.MailMessage;
import coop.plenum.governance.mail.MailNotSent;
import coop.plenum.governance.mail.OutgoingMail;
import coop.plenum.governance.mail.PublicUrl;
import coop.plenum.kernel.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the outbox: due PENDING mails, each row locked ({@code FOR UPDATE SKIP LOCKED}, so two nodes never send the
 * same mail at the same time) while it is handed to the SMTP server and marked SENT in the same transaction. A failure
 * ({@link MailNotSent}) counts an attempt and waits (doubling back-off) before the next; after the last attempt, or
 * for an address the mail library refuses, the mail is FAILED. A crash after the server accepted a mail and before
 * the mark commits sends it again on the next run: at least once, with the same {@code Message-ID}, which mail
 * clients and servers use to recognise the copy.
 */
public class OutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    static final int BATCH = 20;

    private final NotificationOutbox outbox;
    private final OutgoingMail mail;
    private final PublicUrl publicUrl;
    private final NotificationMailProperties properties;
    private final TransactionTemplate transaction;
    private volatile PeriodicTask task;

    public OutboxSender(NotificationOutbox outbox, OutgoingMail mail, PublicUrl publicUrl,
                        NotificationMailProperties properties, DataSource dataSource) {
        this.outbox = outbox;
        this.mail = mail;
        this.publicUrl = publicUrl;
        this.properties = properties;
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Sends what is due now; the number of mails the SMTP server accepted. */
    public int sendDue() {
        if (!mail.enabled()) {
            return 0;
        }
        Integer sent = transaction.execute(status -> {
            Instant now = outbox.now();
            List<Map<String, Object>> due = outbox.jdbc().queryForList("""
                    SELECT mail_key, to_address, subject, text_body, html_body, unsubscribe_url, attempts
                    FROM plenum_notification_mail WHERE status = 'PENDING' AND next_attempt_at <= ?
                    ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED""", Timestamp.from(now), BATCH);
            int accepted = 0;
            for (Map<String, Object> row : due) {
                accepted += sendOne(row, now) ? 1 : 0;
            }
            return accepted;
        });
        return sent == null ? 0 : sent;
    }

    private boolean sendOne(Map<String, Object> row, Instant now) {
        String key = (String) row.get("mail_key");
        int attempts = ((Number) row.get("attempts")).intValue() + 1;
        try {
            mail.send(new MailMessage((String) row.get("to_address"), (String) row.get("subject"),
                    (String) row.get("text_body"), (String) row.get("html_body"),
                    headers(key, (String) row.get("unsubscribe_url"))));
            outbox.jdbc().update("UPDATE plenum_notification_mail SET status = 'SENT', attempts = ?, sent_at = ?, last_error = NULL WHERE mail_key = ?",
                    attempts, Timestamp.from(now), key);
            return true;
        } catch (MailNotSent e) {
            boolean last = attempts >= properties.maxAttempts();
            outbox.jdbc().update("UPDATE plenum_notification_mail SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE mail_key = ?",
                    last ? "FAILED" : "PENDING", attempts, Timestamp.from(now.plus(properties.retryAfter(attempts))),
                    shorten(e.getMessage()), key);
            log.warn("Notification mail {} not sent (attempt {} of {}): {}", key, attempts, properties.maxAttempts(), e.getMessage());
            return false;
        } catch (IllegalArgumentException e) {
            outbox.jdbc().update("UPDATE plenum_notification_mail SET status = 'FAILED', attempts = ?, last_error = ? WHERE mail_key = ?",
                    attempts, shorten(e.getMessage()), key);
            log.warn("Notification mail {} refused: {}", key, e.getMessage());
            return false;
        }
    }

    /**
     * A Message-ID derived from the outbox key alone, so a resend after a crash is the same message to every
     * receiver; and RFC 8058 one-click unsubscribe.
     */
    Map<String, String> headers(String key, String unsubscribeUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Message-ID", messageId(key, publicUrl));
        if (unsubscribeUrl != null) {
            headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return headers;
    }

    public static String messageId(String key, PublicUrl publicUrl) {
        String digest = HexFormat.of().formatHex(UnsubscribeLinks.sha256(key.getBytes(StandardCharsets.UTF_8)));
        return "<notification." + digest.substring(0, 40) + "@" + publicUrl.base().getHost() + ">";
    }

    private static String shorten(String message) {
        if (message == null) {
            return null;
        }
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    @Override
    public synchronized void start() {
        if (mail.enabled()) {
            task = PeriodicTask.every(properties.poll(), "notification-mail", () -> {
                try {
                    sendDue();
                } catch (RuntimeException e) {
                    log.warn("Notification outbox run failed; the next one retries: {}", e.toString());
                }
            });
        }
    }

    @Override
    public synchronized void stop() {
        PeriodicTask running = task;
        task = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean isRunning() {
        return task != null;
    }

    @Override
    public int getPhase() {
        // stops before the processors and stores (DEFAULT_PHASE) so no mail is half-marked at shutdown
        return Integer.MAX_VALUE - 100;
    }
}
