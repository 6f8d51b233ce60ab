package coop.plenum.governance.webhook.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after attempt {@code n} (1-based) wait {@code firstRetry × factor^(n-1)},
 * spread by ±20 % so that receivers that failed together are not hit together again; after the last attempt, never.
 */
record RetrySchedule(Duration firstRetry, int factor, int maxAttempts) {

    static RetrySchedule of(WebhookSettings settings) {
        return new RetrySchedule(settings.firstRetry(), settings.retryFactor(), settings.maxAttempts());
    }

    /** {@code jitter} in [0, 1): 0 gives the shortest wait (80 %), values near 1 the longest (120 %). */
    Optional<Duration> waitAfter(int attemptsMade, double jitter) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        double base = firstRetry.toMillis() * Math.pow(factor, attemptsMade - 1);
        return Optional.of(Duration.ofMillis(Math.round(base * (0.8 + 0.4 * jitter))));
    }
}
