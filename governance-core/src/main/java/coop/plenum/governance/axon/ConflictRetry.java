package coop.plenum.governance.axon;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs again, a bounded number of times after a short random pause, work that collided with another node's append
 * to the same aggregate. Axon throws {@link ConcurrencyException} (having evicted the aggregate from the cache with
 * the failed unit of work, which stored nothing), so each new attempt is handled, and validated, against the
 * aggregate freshly loaded from the log. Work that still collides after the last attempt fails with the conflict.
 */
public final class ConflictRetry {

    private ConflictRetry() {
    }

    public static <R> R retrying(int retries, Supplier<R> work) {
        for (int attempt = 0; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException failed) {
                if (attempt >= retries || !isConflict(failed)) {
                    throw failed;
                }
                pause(attempt);
            }
        }
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // AggregateStreamCreationException: another node created the same aggregate first (a delegation register)
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        // jitter, so that two nodes colliding again do not retry in lockstep
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, (5L << Math.min(attempt, 4)) + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying after a conflict", interrupted);
        }
    }
}
