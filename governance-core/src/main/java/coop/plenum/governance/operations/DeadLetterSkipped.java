package coop.plenum.governance.operations;

import java.time.Instant;

/**
 * An operator gave up on delivering one event to one processor: the event stays in the log untouched, but the
 * read model or policy named by {@code processor} will never have handled it. Recorded so that an auditor sees
 * every gap and its reason; the operator is the event's actor.
 */
public record DeadLetterSkipped(String processor, String eventIdentifier, String eventType, String aggregateIdentifier,
                                Long aggregateSequence, String reason, Instant skippedAt) {
}
