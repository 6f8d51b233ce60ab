package coop.plenum.governance.axon;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes for the API: after a command, wait (bounded) until every read-model processor has handled
 * the log up to its current head, so the client's next GET shows what it just did. Blocking: call it off the
 * event loop. Returns {@code false} if the read models did not catch up in time (they will shortly).
 */
@Component
public class ReadModelCatchUp {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReadModelCatchUp.class);
    private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();

    private final EventStore eventStore;
    private final ReadModelProcessors readModels;

    ReadModelCatchUp(EventStore eventStore, ReadModelProcessors readModels) {
        this.eventStore = eventStore;
        this.readModels = readModels;
    }

    public boolean awaitCaughtUp(Duration timeout) {
        OptionalLong head = logHead();
        if (head.isEmpty()) {
            return true;
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!allReached(head.getAsLong(), Set.of())) {
            if (System.nanoTime() > deadline) {
                log.warn("Read models had not reached position {} of the log after {}: {}", head.getAsLong(), timeout, positions());
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        if (log.isDebugEnabled()) {
            log.debug("Read models reached position {} in {} µs", head.getAsLong(), (System.nanoTime() - start) / 1000);
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
     * place that decides "caught up", for read-your-writes, the rebuild and readiness at start alike.
     */
    public boolean hasReached(long position) {
        return allReached(position, Set.of());
    }

    /** As {@link #hasReached(long)}, leaving out the named processors (run by another node). */
    public boolean hasReached(long position, Set<String> leftOut) {
        return allReached(position, leftOut);
    }

    /**
     * The processors of which this node holds no segment right now: just started (claims take a moment, longer
     * while a killed node's claim times out), or run by another node sharing the stores.
     */
    public Set<String> unclaimedHere() {
        Set<String> unclaimed = new TreeSet<>();
        for (StreamingEventProcessor processor : processors()) {
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

    private boolean allReached(long position, Set<String> leftOut) {
        for (StreamingEventProcessor processor : processors()) {
            if (leftOut.contains(processor.getName())) {
                continue;
            }
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (status.isEmpty() || processor.isError()) {
                return false;
            }
            for (EventTrackerStatus segment : status.values()) {
                TrackingToken token = segment.getTrackingToken();
                if (token == null || token.position().orElse(-1) < position) {
                    return false;
                }
            }
        }
        return true;
    }

    private String positions() {
        StringBuilder out = new StringBuilder();
        for (StreamingEventProcessor processor : processors()) {
            out.append(processor.getName()).append('=');
            processor.processingStatus().values().forEach(s -> out.append(s.getTrackingToken()).append(' '));
        }
        return out.toString();
    }

    private List<StreamingEventProcessor> processors() {
        return readModels.followers();
    }

}
