package coop.plenum.governance.notification.delivery;

import coop.plenum.kernel.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Email delivery of notifications.
 * {@code freshness}: mail only for events at most this old when the processor meets them (a read-model rebuild, or
 * a lost MongoDB replaying the log, never mails the past); {@code maxAttempts} before a mail is given up as FAILED;
 * {@code firstRetry} doubles per attempt up to {@code longestRetry}; {@code poll}: how often the outbox is read;
 * {@code digestHour}: the hour of the daily digest in each member's own time zone; {@code linkSecret}: the key of unsubscribe links (absent:
 * derived from the node's audit signing key, which lives outside the database).
 */
@ConfigurationProperties("plenum.notifications")
public record NotificationMailProperties(Duration freshness, Integer maxAttempts, Duration firstRetry,
                                         Duration longestRetry, Duration poll, Integer digestHour, String linkSecret) {
    public NotificationMailProperties {
        freshness = freshness == null ? Duration.ofHours(24) : freshness;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        longestRetry = longestRetry == null ? Duration.ofHours(1) : longestRetry;
        poll = poll == null ? Duration.ofSeconds(2) : poll;
        digestHour = digestHour == null ? 7 : digestHour;
        if (maxAttempts < 1 || digestHour < 0 || digestHour > 23 || poll.isNegative() || poll.isZero()
                || firstRetry.isNegative() || firstRetry.isZero() || longestRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("plenum.notifications: maxAttempts ≥ 1, digestHour 0-23, poll > 0, "
                    + "0 < firstRetry ≤ longestRetry");
        }
    }

    /** The wait before attempt {@code attempts + 1}: firstRetry × 2^(attempts − 1), at most longestRetry. */
    public Duration retryAfter(int attempts) {
        return Backoff.doubling(firstRetry, longestRetry).waitAfter(attempts);
    }
}
