package coop.plenum.governance.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which events a command appended, and where in the log they landed. While {@link #capture} runs a command on the
 * calling thread (Axon's command bus handles it there), every event that command publishes is noted with its payload
 * type; the commit relay ({@link CommitSignallingEventSource}) then gives each one its position as it appears in the
 * log. Read-your-writes waits for exactly those positions, on exactly the processors that handle those types.
 */
public class CommittedEvents {

    private final ThreadLocal<List<Written>> capturing = new ThreadLocal<>();
    private final Map<String, CompletableFuture<Long>> unplaced = new ConcurrentHashMap<>();

    CommittedEvents(EventStore eventStore) {
        eventStore.subscribe(this::published);
    }

    /** One appended event: its payload type and, once the relay has seen it, its position in the log. */
    public record Written(String eventIdentifier, Class<?> payloadType, CompletableFuture<Long> position) {
    }

    /** The command's result and the events it appended (none if it changed nothing or failed). */
    public record Sent<R>(R result, List<Written> events) {
    }

    public <R> Sent<R> capture(Supplier<R> command) {
        List<Written> outer = capturing.get();
        List<Written> events = new ArrayList<>();
        capturing.set(events);
        try {
            R result = command.get();
            return new Sent<>(result, List.copyOf(events));
        } finally {
            if (outer == null) {
                capturing.remove();
            } else {
                capturing.set(outer);
            }
        }
    }

    private void published(List<? extends EventMessage<?>> events) {
        List<Written> captured = capturing.get();
        if (captured == null) {
            return;
        }
        List<String> ids = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            CompletableFuture<Long> position = new CompletableFuture<>();
            unplaced.put(event.getIdentifier(), position);
            ids.add(event.getIdentifier());
            captured.add(new Written(event.getIdentifier(), event.getPayloadType(), position));
        }
        if (CurrentUnitOfWork.isStarted()) {
            // rolled back: never in the log, so nobody may wait for it
            CurrentUnitOfWork.get().root().onRollback(u -> {
                ids.forEach(unplaced::remove);
                captured.clear();
            });
        }
    }

    /** The relay saw an event in the log at {@code position}. */
    void placed(String eventIdentifier, long position) {
        CompletableFuture<Long> waiting = unplaced.remove(eventIdentifier);
        if (waiting != null) {
            waiting.complete(position);
        }
    }

    /** A capture that ends without waiting for its positions leaves nothing behind. */
    void forget(List<Written> events) {
        events.forEach(w -> unplaced.remove(w.eventIdentifier()));
    }
}
