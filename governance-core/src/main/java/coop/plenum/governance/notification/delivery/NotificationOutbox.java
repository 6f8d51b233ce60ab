package coop.plenum.governance.notification.delivery;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The stored outbox of notification emails, in PostgreSQL next to the event log. A mail is queued once per key
 * ({@code ON CONFLICT DO NOTHING}): queuing again, as a redelivered or replayed event does, changes nothing, whatever
 * became of the first.
 */
public class NotificationOutbox {

    public enum Status { PENDING, SENT, FAILED }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public NotificationOutbox(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** Queues the mail unless one with its key was ever queued; true when this call queued it. */
    public boolean enqueue(OutboxMail mail) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update("""
                INSERT INTO plenum_notification_mail (mail_key, account_id, kind, to_address, subject, text_body, html_body,
                    unsubscribe_url, status, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                ON CONFLICT (mail_key) DO NOTHING""",
                mail.key(), mail.accountId(), mail.kind(), mail.to(), mail.subject(), mail.text(), mail.html(),
                mail.unsubscribeUrl(), now, now) == 1;
    }

    /**
     * Queues the mails, each unless one with its key was ever queued, in one transaction: a vote opening for
     * thousands of electors costs one commit, not one per mail. Joins the caller's transaction when there is one.
     */
    public void enqueueAll(java.util.List<OutboxMail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        if (mails.size() == 1) {
            enqueue(mails.get(0));
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            boolean ownTransaction = connection.getAutoCommit();
            if (ownTransaction) {
                connection.setAutoCommit(false);
            }
            try (java.sql.PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO plenum_notification_mail (mail_key, account_id, kind, to_address, subject, text_body, html_body,
                        unsubscribe_url, status, attempts, next_attempt_at, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                    ON CONFLICT (mail_key) DO NOTHING""")) {
                for (OutboxMail mail : mails) {
                    insert.setString(1, mail.key());
                    insert.setString(2, mail.accountId());
                    insert.setString(3, mail.kind());
                    insert.setString(4, mail.to());
                    insert.setString(5, mail.subject());
                    insert.setString(6, mail.text());
                    insert.setString(7, mail.html());
                    insert.setString(8, mail.unsubscribeUrl());
                    insert.setTimestamp(9, now);
                    insert.setTimestamp(10, now);
                    insert.addBatch();
                }
                insert.executeBatch();
                if (ownTransaction) {
                    connection.commit();
                }
            } catch (java.sql.SQLException | RuntimeException e) {
                if (ownTransaction) {
                    connection.rollback();
                }
                throw e;
            } finally {
                if (ownTransaction) {
                    connection.setAutoCommit(true);
                }
            }
            return null;
        });
    }

    /** Each queued mail's status by key, for an operator's view and for tests. */
    public Map<String, Status> statuses() {
        Map<String, Status> found = new java.util.TreeMap<>();
        jdbc.query("SELECT mail_key, status FROM plenum_notification_mail",
                rs -> { found.put(rs.getString(1), Status.valueOf(rs.getString(2))); });
        return found;
    }

    /** How many mails are in each status. */
    public Map<Status, Long> counts() {
        Map<Status, Long> counts = new java.util.EnumMap<>(Status.class);
        jdbc.query("SELECT status, COUNT(*) FROM plenum_notification_mail GROUP BY status",
                rs -> { counts.put(Status.valueOf(rs.getString(1)), rs.getLong(2)); });
        return counts;
    }

    /** Mails waiting for another attempt after a failed one. */
    public long retrying() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM plenum_notification_mail WHERE status = 'PENDING' AND attempts > 0", Long.class);
        return n == null ? 0 : n;
    }

    /** Mails given up since {@code since}. */
    public long failedSince(Instant since) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM plenum_notification_mail WHERE status = 'FAILED' AND created_at >= ?",
                Long.class, Timestamp.from(since));
        return n == null ? 0 : n;
    }

    Instant now() {
        return clock.instant();
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    List<String> keys() {
        return jdbc.queryForList("SELECT mail_key FROM plenum_notification_mail ORDER BY created_at", String.class);
    }
}
