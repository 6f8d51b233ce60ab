package coop.plenum.governance.axon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import coop.plenum.kernel.PeriodicTask;

import java.time.Clock;
import java.time.Duration;

/**
 * Every five seconds, retries the parked sequences whose back-off ({@link DeadLetterRetryPolicy}) has passed, so a
 * passing fault heals without an operator. Stops before the processors and the stores do.
 */
@Component
class DeadLetterRetrier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetrier.class);
    private static final long TICK_SECONDS = 5;

    private final DeadLetters deadLetters;
    private final DeadLetterRetryPolicy policy;
    private volatile PeriodicTask task;

    DeadLetterRetrier(DeadLetters deadLetters, Clock clock) {
        this.deadLetters = deadLetters;
        this.policy = new DeadLetterRetryPolicy(clock);
    }

    @Override
    public synchronized void start() {
        task = PeriodicTask.every(Duration.ofSeconds(TICK_SECONDS), "dead-letter-retrier", this::retryDue);
    }

    private void retryDue() {
        for (String processor : deadLetters.processors()) {
            try {
                deadLetters.retryDue(processor, policy::isDue);
            } catch (RuntimeException e) {
                // the store may be briefly away; the next tick tries again
                log.warn("Could not retry parked events of {}: {}", processor, e.toString());
            }
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
        // after Axon's processors start (they use Integer.MAX_VALUE / 2 and below), and stopped before them
        return Integer.MAX_VALUE - 1000;
    }
}
