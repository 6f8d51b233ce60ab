package coop.plenum.governance.axon;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Throws every read model away and rebuilds it from the event log: each read-model processor is stopped, its
 * projection's reset handler drops its collections, its token goes back to the start of the log, and it replays.
 * Blocks until the read models have caught up with the log (or the timeout passes), logging its progress every
 * few seconds; {@link #progress()} tells an operator how far it is from another request.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    private static final long CHECK_NANOS = Duration.ofMillis(50).toNanos();

    private final ReadModelProcessors readModels;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;
    private final ReadModelIndexes indexes;
    private volatile Run current;

    ReadModelRebuild(ReadModelProcessors readModels, ReadModelCatchUp catchUp, Clock clock, ReadModelIndexes indexes) {
        this.indexes = indexes;
        this.readModels = readModels;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    /** The result of a rebuild: which processors replayed, whether they caught up, how long it took, how many events. */
    public record Result(List<String> processors, boolean caughtUp, Duration took, long events) {

        /** Events replayed per second of the whole rebuild (every processor over the whole log). */
        public long eventsPerSecond() {
            return took.isZero() ? events : events * 1_000_000_000L / Math.max(1, took.toNanos());
        }
    }

    /** Where a rebuild stands: running or finished, the log head it replays to and each processor's position. */
    public record Progress(boolean running, Instant startedAt, long logHead, long slowestPosition, long eventsPerSecond,
                           List<ProcessorPosition> processors, Result result) {

        /** Whole percent of the log the slowest processor has replayed. */
        public int percent() {
            return slowestPosition >= logHead ? 100 : (int) (Math.max(0, slowestPosition) * 100 / logHead);
        }
    }

    /** One read-model processor's position in the log (the lowest of its segments), or -1 before its first event. */
    public record ProcessorPosition(String name, long position) {
    }

    /** The rebuild running now, or the last one since this node started. */
    public Optional<Progress> progress() {
        Run run = current;
        return run == null ? Optional.empty() : Optional.of(run.progress());
    }

    public synchronized Result rebuildAll(Duration timeout) {
        long start = System.nanoTime();
        long head = catchUp.logHead().orElse(-1);
        List<StreamingEventProcessor> processors = readModels.all();
        List<String> groups = processors.stream().map(StreamingEventProcessor::getName).toList();
        Run run = new Run(processors, clock.instant(), start, head);
        current = run;
        log.info("Rebuilding read models {} from the event log up to position {}", groups, head);
        for (StreamingEventProcessor processor : processors) {
            processor.shutDown();
            processor.resetTokens();
            // the reset handlers dropped the collections, and their indexes with them
            indexes.ensure();
            processor.start();
        }
        long deadline = start + timeout.toNanos();
        long nextLog = start + LOG_EVERY.toNanos();
        while (head >= 0 && !catchUp.hasReached(head) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(CHECK_NANOS);
            if (System.nanoTime() >= nextLog) {
                Progress now = run.progress();
                log.info("Rebuilding read models: position {} of {} ({} %), {} events/s", now.slowestPosition(), head,
                        now.percent(), now.eventsPerSecond());
                nextLog += LOG_EVERY.toNanos();
            }
        }
        long remaining = Math.max(0, deadline - System.nanoTime());
        boolean caughtUp = catchUp.awaitCaughtUp(Duration.ofNanos(remaining));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // positions start at 1 and are dense but for the odd gap a rolled-back insert leaves: the head counts the events
        Result result = new Result(groups, caughtUp, took, Math.max(0, head));
        run.finish(result);
        log.info("Rebuilt read models {} from {} events in {} ms, {} events/s (caught up: {})", groups, result.events(),
                took.toMillis(), result.eventsPerSecond(), caughtUp);
        return result;
    }

    /** One rebuild, readable from other threads while it runs. */
    private static final class Run {
        private final List<StreamingEventProcessor> processors;
        private final Instant startedAt;
        private final long startNanos;
        private final long head;
        private volatile Result result;

        Run(List<StreamingEventProcessor> processors, Instant startedAt, long startNanos, long head) {
            this.processors = processors;
            this.startedAt = startedAt;
            this.startNanos = startNanos;
            this.head = head;
        }

        void finish(Result result) {
            this.result = result;
        }

        Progress progress() {
            Result done = result;
            List<ProcessorPosition> positions = processors.stream()
                    .map(p -> new ProcessorPosition(p.getName(), done != null && done.caughtUp() ? head : position(p))).toList();
            long slowest = positions.stream().mapToLong(ProcessorPosition::position).min().orElse(head);
            long elapsed = Math.max(1, (done != null ? done.took().toNanos() : System.nanoTime() - startNanos));
            long perSecond = Math.max(0, slowest) * 1_000_000_000L / elapsed;
            return new Progress(done == null, startedAt, head, slowest, perSecond, positions, done);
        }

        private static long position(StreamingEventProcessor processor) {
            long lowest = Long.MAX_VALUE;
            for (EventTrackerStatus segment : processor.processingStatus().values()) {
                lowest = Math.min(lowest, segment.getTrackingToken() == null ? -1 : segment.getTrackingToken().position().orElse(-1));
            }
            return lowest == Long.MAX_VALUE ? -1 : lowest;
        }
    }
}
