package coop.plenum.governance.webhook.delivery;

import coop.plenum.kernel.Backoff;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after attempt {@code n} (1-based) wait {@code firstRetry × factor^(n-1)}
 * (the node's shared {@link Backoff}, at most a day), spread by ±20 % so that receivers that failed together are not
 * hit together again; after the last attempt, never.
 */
record RetrySchedule(Backoff backoff, int maxAttempts) {

    /** No wait is longer: with the defaults (1 minute, ×3, 8 attempts) the longest is 729 minutes. */
    static final Duration LONGEST = Duration.ofDays(1);

    RetrySchedule(Duration firstRetry, int factor, int maxAttempts) {
        this(new Backoff(firstRetry, factor, LONGEST.compareTo(firstRetry) < 0 ? firstRetry : LONGEST), maxAttempts);
    }

    static RetrySchedule of(WebhookSettings settings) {
        return new RetrySchedule(settings.firstRetry(), settings.retryFactor(), settings.maxAttempts());
    }

    /** {@code jitter} in [0, 1): 0 gives the shortest wait (80 %), values near 1 the longest (120 %). */
    Optional<Duration> waitAfter(int attemptsMade, double jitter) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        long base = backoff.waitAfter(attemptsMade).toMillis();
        return Optional.of(Duration.ofMillis(Math.round(base * (0.8 + 0.4 * jitter))));
    }
}
