package coop.plenum.governance.axon;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
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
 * Waits are completed by {@link ProcessorProgress} when a processor stores its token. A processor of which this node
 * runs only some segments, or none (another node sharing the stores runs them), is judged by the positions stored in
 * its token store: other nodes' signals ({@link ClusterSignals}) complete the wait at once, and the stored tokens are
 * re-read every {@value #STORED_POLL_MILLIS} ms while a wait lasts, in case a signal was lost. Blocking: call it off
 * the event loop. Returns {@code false} if they did not catch up in time (they will shortly).
 */
@Component
public class ReadModelCatchUp {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReadModelCatchUp.class);

    private final EventStore eventStore;
    private final ReadModelProcessors readModels;
    private final ProcessorProgress progress;
    private final CommittedEvents committed;
    private final StoredTokens storedTokens;
    private final JdbcTemplate eventLog;
    private final CommitSignallingEventSource commitRelay;
    private final Map<String, Map<Class<?>, Boolean>> handles = new ConcurrentHashMap<>();

    static final long STORED_POLL_MILLIS = 100;
    private static final long STORED_MAX_AGE = TimeUnit.MILLISECONDS.toNanos(STORED_POLL_MILLIS);

    ReadModelCatchUp(EventStore eventStore, ReadModelProcessors readModels, ProcessorProgress progress, CommittedEvents committed,
                     StoredTokens storedTokens, EventStorageEngine engine,
                     DataSource dataSource, CommitSignallingEventSource commitRelay) {
        this.commitRelay = commitRelay;
        this.storedTokens = storedTokens;
        this.eventLog = engine instanceof JdbcEventStorageEngine
                ? new JdbcTemplate(dataSource) : null;
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
        Map<StreamingEventProcessor, Set<Long>> targets = new HashMap<>();
        long last = -1;
        try {
            for (CommittedEvents.Written event : events) {
                long position = placed(event, deadline);
                last = Math.max(last, position);
                for (StreamingEventProcessor processor : readModels.followers()) {
                    if (handles(processor, event.payloadType())) {
                        targets.computeIfAbsent(processor, p -> new TreeSet<>()).add(position);
                    }
                }
            }
        } catch (TimeoutException | ExecutionException notPlaced) {
            committed.forget(events);
            log.warn("The events of a command did not appear in the log within {}: {}", timeout,
                    events.stream().map(e -> e.payloadType().getSimpleName() + " " + e.eventIdentifier()).toList());
            return OptionalLong.empty();
        } catch (InterruptedException interrupted) {
            committed.forget(events);
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
        return await(targets, deadline, timeout) ? OptionalLong.of(last) : OptionalLong.empty();
    }

    /**
     * Where the event landed in the log, as the commit relay reports it; if the relay has not seen it after
     * {@value #RELAY_GRACE_MILLIS} ms (it tails the shared log reader, which can meet a gap left by another node's
     * transaction late), the log is asked directly.
     */
    private long placed(CommittedEvents.Written event, long deadline) throws InterruptedException, ExecutionException, TimeoutException {
        long grace = Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(RELAY_GRACE_MILLIS));
        try {
            return event.position().get(Math.max(0, grace), TimeUnit.NANOSECONDS);
        } catch (TimeoutException relayLate) {
            if (eventLog != null) {
                List<Long> found = eventLog.queryForList("SELECT globalindex FROM domainevententry WHERE eventidentifier = ?",
                        Long.class, event.eventIdentifier());
                if (!found.isEmpty()) {
                    return found.get(0);
                }
            }
            return event.position().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private static final long RELAY_GRACE_MILLIS = 250;

    /** Waits until every read model and policy has handled the log up to {@code position}. */
    public boolean awaitPosition(long position, Duration timeout) {
        // processors that handle none of the latest events may sleep a little before passing them by: not while waited for
        commitRelay.wakeAll();
        Map<StreamingEventProcessor, Set<Long>> targets = new HashMap<>();
        readModels.followers().forEach(p -> targets.put(p, Set.of(position)));
        return await(targets, System.nanoTime() + timeout.toNanos(), timeout);
    }

    /** Waits until every read model and policy has handled the log up to its head as it is now. */
    public boolean awaitCaughtUp(Duration timeout) {
        OptionalLong head = logHead();
        return head.isEmpty() || awaitPosition(head.getAsLong(), timeout);
    }

    private boolean await(Map<StreamingEventProcessor, Set<Long>> targets, long deadline, Duration timeout) {
        if (allReached(targets, STORED_MAX_AGE)) {
            return true;
        }
        CompletableFuture<Void> reached = new CompletableFuture<>();
        // run on the thread that stored a token or received a signal: never reads a store, only what is known
        Runnable check = () -> {
            if (!reached.isDone() && allReached(targets, Long.MAX_VALUE)) {
                reached.complete(null);
            }
        };
        progress.listen(check);
        try {
            // a token stored between the first check and listening would otherwise go unnoticed
            check.run();
            while (true) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new TimeoutException();
                }
                try {
                    reached.get(Math.min(remaining, STORED_MAX_AGE), TimeUnit.NANOSECONDS);
                    return true;
                } catch (TimeoutException poll) {
                    // no signal: what other nodes stored, read again from the token stores (a lost signal, or none sent)
                    if (allReached(targets, STORED_MAX_AGE)) {
                        return true;
                    }
                }
            }
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
                .computeIfAbsent(payloadType, type -> HandledPayloadTypes.handles(processor, type));
    }

    private boolean allReached(Map<StreamingEventProcessor, Set<Long>> targets, long storedMaxAge) {
        for (Map.Entry<StreamingEventProcessor, Set<Long>> target : targets.entrySet()) {
            if (!reached(target.getKey(), target.getValue(), storedMaxAge)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every segment of the processor has handled each of {@code positions}: its own events it handled, the
     * others it passed. Asked about those positions only, not about everything below them (see {@link Reach}).
     */
    private boolean reached(StreamingEventProcessor processor, Set<Long> positions, long storedMaxAge) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (processor.isError()) {
            return false;
        }
        if (coversTheLog(status)) {
            for (Map.Entry<Integer, EventTrackerStatus> segment : status.entrySet()) {
                if (!covered(processor.getName(), segment.getKey(), segment.getValue(), Reach.NOTHING, positions)) {
                    return false;
                }
            }
            return true;
        }
        // other nodes run some segments (or all): every segment in the token store must have got there
        Map<Integer, Reach> stored = storedTokens.positions(processor.getName(), storedMaxAge);
        if (stored.isEmpty()) {
            return false;
        }
        for (Map.Entry<Integer, Reach> segment : stored.entrySet()) {
            if (!covered(processor.getName(), segment.getKey(), status.get(segment.getKey()), segment.getValue(), positions)) {
                return false;
            }
        }
        return true;
    }

    /** Whether this node knows the segment got past each position: handled here, stored here, signalled, or read from the store. */
    private boolean covered(String processorName, int segment, EventTrackerStatus here, Reach readFromStore, Set<Long> positions) {
        Reach handledHere = here == null ? Reach.NOTHING : Reach.of(here.getTrackingToken());
        Reach known = progress.storedReach(processorName, segment);
        for (long position : positions) {
            if (!handledHere.covers(position) && !known.covers(position) && !readFromStore.covers(position)) {
                return false;
            }
        }
        return true;
    }

    /** Whether this node's segments of a processor together are all of it (each segment covers 1/(mask+1) of it). */
    private static boolean coversTheLog(Map<Integer, EventTrackerStatus> status) {
        if (status.isEmpty()) {
            return false;
        }
        long covered = 0;
        for (EventTrackerStatus segment : status.values()) {
            covered += (1L << 32) / (segment.getSegment().getMask() + 1L);
        }
        return covered >= (1L << 32);
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
            if (!leftOut.contains(processor.getName()) && !reached(processor, Set.of(position), STORED_MAX_AGE)) {
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

    private static String describe(Map<StreamingEventProcessor, Set<Long>> targets) {
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
