package coop.plenum.governance.axon;

import coop.plenum.kernel.Backoff;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a parked sequence is tried again: after 5 s, then twice as long after each failed attempt, at most every
 * 15 minutes. A passing fault (the read-model store restarting) heals within seconds; a poison event costs one
 * log line per quarter hour until an operator skips it. Every failure is counted in the letter's diagnostics.
 */
final class DeadLetterRetryPolicy {

    static final String ATTEMPTS = "attempts";
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final Backoff BACKOFF = Backoff.doubling(FIRST_RETRY, LONGEST_WAIT);
    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetryPolicy.class);

    private final Clock clock;

    DeadLetterRetryPolicy(Clock clock) {
        this.clock = clock;
    }

    /** Always parks (a dropped event would leave a read model silently wrong), counting the attempt. */
    EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        long attempts = attempts(letter) + 1;
        log.warn("Event {} ({}) parked after {} failed attempt(s): {}", letter.message().getIdentifier(),
                letter.message().getPayloadType().getSimpleName(), attempts, cause.toString());
        return Decisions.enqueue(ThrowableCause.truncated(cause), l -> l.diagnostics().and(ATTEMPTS, attempts));
    }

    boolean isDue(DeadLetter<?> letter) {
        Instant last = letter.lastTouched() == null ? letter.enqueuedAt() : letter.lastTouched();
        return !clock.instant().isBefore(last.plus(waitAfter(attempts(letter))));
    }

    static Duration waitAfter(long attempts) {
        return BACKOFF.waitAfter(attempts);
    }

    static long attempts(DeadLetter<?> letter) {
        Object value = letter.diagnostics() == null ? null : letter.diagnostics().get(ATTEMPTS);
        return value instanceof Number n ? n.longValue() : 0L;
    }

}
