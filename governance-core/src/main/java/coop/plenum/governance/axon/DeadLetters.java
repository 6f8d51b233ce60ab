package coop.plenum.governance.axon;

import coop.plenum.governance.operations.DeadLetterSkipped;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotFound;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The events parked by the read-model and policy processors (see {@link DeadLetterConfiguration}): how many per
 * processor, each one with its cause, and the operator's two remedies, retrying now and skipping one event with a
 * recorded reason ({@link DeadLetterSkipped}).
 */
@Component
public class DeadLetters {

    public static final int MAX_REASON = 500;
    private static final int MAX_LISTED = 1000;

    private final EventProcessingConfiguration processing;
    private final ApplicationContext context;
    private final EventGateway events;
    private final Clock clock;
    private volatile Set<String> groups;

    DeadLetters(EventProcessingConfiguration processing, ApplicationContext context, EventGateway events, Clock clock) {
        this.processing = processing;
        this.context = context;
        this.events = events;
        this.clock = clock;
    }

    /** One parked event of one processor, with why it was parked and how often it was tried. */
    public record ParkedEvent(String processor, String sequence, String eventIdentifier, String eventType,
                              String aggregateIdentifier, Long aggregateSequence, Long position, Instant timestamp,
                              String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched,
                              long attempts) {
    }

    /** How a retry went: sequences that were parked before and after it. */
    public record RetryResult(String processor, long sequencesBefore, long sequencesAfter) {
    }

    public Set<String> processors() {
        Set<String> found = groups;
        if (found == null) {
            found = Set.copyOf(DeadLetterConfiguration.groups(context));
            groups = found;
        }
        return found;
    }

    /** Parked events of one processor that parks events (see {@link #processors()}). */
    public long parkedCount(String processor) {
        return queue(known(processor)).size();
    }

    /** Parked events per processor that has any, in name order. */
    public Map<String, Long> parkedCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String processor : new java.util.TreeSet<>(processors())) {
            long size = queue(processor).size();
            if (size > 0) {
                counts.put(processor, size);
            }
        }
        return counts;
    }

    /** The parked events of every processor (the first thousand), sequence by sequence in the order they wait. */
    public List<ParkedEvent> list() {
        List<ParkedEvent> out = new ArrayList<>();
        for (String processor : new java.util.TreeSet<>(processors())) {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(processor).deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (out.size() >= MAX_LISTED) {
                        return out;
                    }
                    out.add(view(processor, letter));
                }
            }
        }
        return out;
    }

    /** Tries every parked sequence of the processor now, whatever its back-off. */
    public RetryResult retry(String processor) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(known(processor));
        long before = queue.amountOfSequences();
        SequencedDeadLetterProcessor<EventMessage<?>> retrier = retrier(processor);
        for (long i = 0; i < before; i++) {
            retrier.process(letter -> true);
        }
        return new RetryResult(processor, before, queue.amountOfSequences());
    }

    /**
     * Gives up on one parked event: records {@link DeadLetterSkipped} with the reason and the acting operator, removes
     * the letter, and lets the events that waited behind it in its sequence through.
     */
    public void skip(String processor, String eventIdentifier, String reason, Map<String, ?> metaData) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON || why.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("reason", "dead-letter.reason-invalid",
                    "say why the event is skipped, in 1 to " + MAX_REASON + " characters without control characters");
        }
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(known(processor));
        DeadLetter<? extends EventMessage<?>> letter = find(queue, eventIdentifier);
        ParkedEvent parked = view(processor, letter);
        events.publish(GenericEventMessage.asEventMessage(new DeadLetterSkipped(processor, parked.eventIdentifier(),
                        parked.eventType(), parked.aggregateIdentifier(), parked.aggregateSequence(), why, clock.instant()))
                .andMetaData(metaData));
        queue.evict(letter);
        String sequence = parked.sequence();
        retrier(processor).process(sameSequence(sequence));
    }

    /** Retries the sequences whose back-off has passed; called by {@link DeadLetterRetrier}. */
    void retryDue(String processor, Predicate<DeadLetter<?>> due) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        long sequences = Math.min(queue.amountOfSequences(), 100);
        SequencedDeadLetterProcessor<EventMessage<?>> retrier = retrier(processor);
        for (long i = 0; i < sequences; i++) {
            retrier.process(due::test);
        }
    }

    private static Predicate<DeadLetter<? extends EventMessage<?>>> sameSequence(String sequence) {
        return l -> l instanceof JdbcDeadLetter<?> jdbc && sequence.equals(jdbc.getSequenceIdentifier());
    }

    private static DeadLetter<? extends EventMessage<?>> find(SequencedDeadLetterQueue<EventMessage<?>> queue,
                                                             String eventIdentifier) {
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letter.message().getIdentifier().equals(eventIdentifier)) {
                    return letter;
                }
            }
        }
        throw new NotFound("dead-letter.not-found", "no parked event " + eventIdentifier + " for this processor");
    }

    private String known(String processor) {
        if (processor == null || !processors().contains(processor)) {
            throw new NotFound("dead-letter.processor-not-found", "no processor named '" + processor + "' parks events");
        }
        return processor;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        return processing.deadLetterQueue(processor)
                .orElseThrow(() -> new IllegalStateException("no dead-letter queue for " + processor));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> retrier(String processor) {
        return processing.sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> new IllegalStateException("no dead-letter processor for " + processor));
    }

    private static ParkedEvent view(String processor, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String aggregate = event instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null;
        Long aggregateSequence = event instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : null;
        Long position = null;
        if (event instanceof TrackedEventMessage<?> t && t.trackingToken() != null && t.trackingToken().position().isPresent()) {
            position = t.trackingToken().position().getAsLong();
        }
        String sequence = letter instanceof JdbcDeadLetter<?> jdbc ? jdbc.getSequenceIdentifier() : aggregate;
        return new ParkedEvent(processor, sequence, event.getIdentifier(), event.getPayloadType().getName(), aggregate,
                aggregateSequence, position, event.getTimestamp(),
                letter.cause().map(c -> c.type()).orElse(null), letter.cause().map(c -> c.message()).orElse(null),
                letter.enqueuedAt(), letter.lastTouched(), DeadLetterRetryPolicy.attempts(letter));
    }
}
