package coop.plenum.kernel;

import java.time.Duration;

/**
 * How long to wait before trying again something that failed: {@code first} after the first failure, then
 * {@code factor} times as long after each further one, never longer than {@code longest}. One rule for every retry
 * loop of a node (the notification mail outbox, parked events, webhook deliveries), so they back off alike and a
 * change to how is made once. Exact: no floating point, no overflow however many attempts.
 */
public record Backoff(Duration first, long factor, Duration longest) {

    public Backoff {
        if (first == null || first.isNegative() || first.isZero() || factor < 1 || longest == null || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("a back-off waits a positive first time, grows by a factor of at least 1, "
                    + "and its longest wait is at least the first");
        }
    }

    /** Doubling from {@code first}, at most {@code longest}. */
    public static Backoff doubling(Duration first, Duration longest) {
        return new Backoff(first, 2, longest);
    }

    /** The wait after {@code failures} failed attempts (1 or more; less counts as 1): first × factor^(failures − 1), capped. */
    public Duration waitAfter(long failures) {
        Duration wait = first;
        // ends within ~64 rounds however many failures: it stops at the cap, and factor 1 never grows
        for (long i = 1; i < failures && factor > 1 && wait.compareTo(longest) < 0; i++) {
            if (wait.compareTo(longest.dividedBy(factor)) > 0) {
                return longest;
            }
            wait = wait.multipliedBy(factor);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
