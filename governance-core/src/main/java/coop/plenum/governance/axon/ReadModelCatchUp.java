package coop.plenum.governance.axon;

import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Read-your-writes for the API: after a command, wait (bounded) until the read models and policies that handle the
 * events it appended have stored a token at or past those events, so the client's next GET shows what it just did.
 * Waits are completed by {@link ProcessorProgress} when a processor stores its token, never by polling. Blocking: call
 * it off the event loop. Returns {@code false} if they did not catch up in time (they will shortly).
 */
@Component
public class ReadModelCatchUp {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReadModelCatchUp.class);

    private final EventStore eventStore;
    private final ReadModelProcessors readModels;
    private final ProcessorProgress progress;
    private final CommittedEvents committed;
    private final Map<String, Map<Class<?>, Boolean>> handles = new ConcurrentHashMap<>();

    ReadModelCatchUp(EventStore eventStore, ReadModelProcessors readModels, ProcessorProgress progress, CommittedEvents committed) {
        this.eventStore = eventStore;
        this.readModels = readModels;
        this.progress = progress;
        this.committed = committed;
    }

    /**
     * Waits until every processor that handles one of {@code events} has reached the last of them it handles. Returns
     * the position of the last event in the log (for {@code X-Plenum-Position}), or empty when the command appended
     * nothing or the wait timed out.
     */
    public OptionalLong awaitWritten(List<CommittedEvents.Written> events, Duration timeout) {
        if (events.isEmpty()) {
            return OptionalLong.empty();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<StreamingEventProcessor, Long> targets = new HashMap<>();
        long last = -1;
        try {
            for (CommittedEvents.Written event : events) {
                long position = event.position().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                last = Math.max(last, position);
                for (StreamingEventProcessor processor : readModels.followers()) {
                    if (handles(processor, event.payloadType())) {
                        targets.merge(processor, position, Math::max);
                    }
                }
            }
        } catch (TimeoutException | ExecutionException notPlaced) {
            committed.forget(events);
            log.warn("The events of a command did not appear in the log within {}", timeout);
            return OptionalLong.empty();
        } catch (InterruptedException interrupted) {
            committed.forget(events);
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
        return await(targets, deadline, timeout) ? OptionalLong.of(last) : OptionalLong.empty();
    }

    /** Waits until every read model and policy has handled the log up to {@code position}. */
    public boolean awaitPosition(long position, Duration timeout) {
        Map<StreamingEventProcessor, Long> targets = new HashMap<>();
        readModels.followers().forEach(p -> targets.put(p, position));
        return await(targets, System.nanoTime() + timeout.toNanos(), timeout);
    }

    /** Waits until every read model and policy has handled the log up to its head as it is now. */
    public boolean awaitCaughtUp(Duration timeout) {
        OptionalLong head = logHead();
        return head.isEmpty() || awaitPosition(head.getAsLong(), timeout);
    }

    private boolean await(Map<StreamingEventProcessor, Long> targets, long deadline, Duration timeout) {
        if (allReached(targets)) {
            return true;
        }
        CompletableFuture<Void> reached = new CompletableFuture<>();
        Runnable check = () -> {
            if (!reached.isDone() && allReached(targets)) {
                reached.complete(null);
            }
        };
        progress.listen(check);
        try {
            // a token stored between the first check and listening would otherwise go unnoticed
            check.run();
            reached.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException late) {
            log.warn("Read models had not reached {} after {}: {}", describe(targets), timeout, positions());
            return false;
        } catch (ExecutionException impossible) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            progress.unlisten(check);
        }
    }

    private boolean handles(StreamingEventProcessor processor, Class<?> payloadType) {
        return handles.computeIfAbsent(processor.getName(), name -> new ConcurrentHashMap<>())
                .computeIfAbsent(payloadType, type -> !(processor instanceof AbstractEventProcessor known)
                        || known.eventHandlerInvoker().canHandleType(type));
    }

    private boolean allReached(Map<StreamingEventProcessor, Long> targets) {
        for (Map.Entry<StreamingEventProcessor, Long> target : targets.entrySet()) {
            if (!reached(target.getKey(), target.getValue())) {
                return false;
            }
        }
        return true;
    }

    private boolean reached(StreamingEventProcessor processor, long position) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty() || processor.isError()) {
            return false;
        }
        for (Map.Entry<Integer, EventTrackerStatus> segment : status.entrySet()) {
            TrackingToken token = segment.getValue().getTrackingToken();
            long handled = token == null ? -1 : token.position().orElse(-1);
            long stored = progress.storedPosition(processor.getName(), segment.getKey()).orElse(-1);
            if (Math.max(handled, stored) < position) {
                return false;
            }
        }
        return true;
    }

    /** The position of the last event in the log, or empty when the log holds none. */
    public OptionalLong logHead() {
        TrackingToken headToken = eventStore.createHeadToken();
        return headToken == null ? OptionalLong.empty() : headToken.position();
    }

    /**
     * Whether every read model and policy has handled the log up to {@code position}, without waiting. This is the one
     * place that decides "caught up", for the rebuild and readiness at start alike.
     */
    public boolean hasReached(long position) {
        return hasReached(position, Set.of());
    }

    /** As {@link #hasReached(long)}, leaving out the named processors (run by another node). */
    public boolean hasReached(long position, Set<String> leftOut) {
        for (StreamingEventProcessor processor : readModels.followers()) {
            if (!leftOut.contains(processor.getName()) && !reached(processor, position)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The processors of which this node holds no segment right now: just started (claims take a moment, longer
     * while a killed node's claim times out), or run by another node sharing the stores.
     */
    public Set<String> unclaimedHere() {
        Set<String> unclaimed = new TreeSet<>();
        for (StreamingEventProcessor processor : readModels.followers()) {
            if (processor.processingStatus().isEmpty()) {
                unclaimed.add(processor.getName());
            }
        }
        return unclaimed;
    }

    /** Each follower's name and the tokens of its segments, for logs and health details. */
    public String describePositions() {
        return positions();
    }

    private static String describe(Map<StreamingEventProcessor, Long> targets) {
        StringBuilder out = new StringBuilder();
        targets.forEach((p, position) -> out.append(p.getName()).append('@').append(position).append(' '));
        return out.toString().strip();
    }

    private String positions() {
        StringBuilder out = new StringBuilder();
        for (StreamingEventProcessor processor : readModels.followers()) {
            out.append(processor.getName()).append('=');
            processor.processingStatus().values().forEach(s -> out.append(s.getTrackingToken()).append(' '));
        }
        return out.toString();
    }
}
