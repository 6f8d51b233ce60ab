package coop.plenum.web.health;

import coop.plenum.governance.axon.ReadModelCatchUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * After a start (above all after a crash) the read models may be behind the event log: the read-model store
 * commits about once a second, so its last writes can be lost, or it may be replayed from scratch. Until every
 * read model and policy has reached the log's head as it stood at start, a reader could get a wrong 404 for
 * something acknowledged before the crash; so readiness stays down and requests wait ({@link WaitForStartupCatchUp}).
 * The head is taken once: writes made after the start are read-your-writes' business, not readiness'.
 */
@Component
class StartupCatchUp {

    private static final Logger log = LoggerFactory.getLogger(StartupCatchUp.class);
    private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();
    private static final long PROGRESS_NANOS = Duration.ofSeconds(5).toNanos();

    private final ReadModelCatchUp catchUp;
    private final Duration unclaimedGrace;
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private volatile boolean closing;
    private volatile long startHead = -1;

    StartupCatchUp(ReadModelCatchUp catchUp, StartupProperties properties) {
        this.catchUp = catchUp;
        this.unclaimedGrace = properties.unclaimedGrace();
    }

    /** Starts watching once the processors run: the context is refreshed, before the runners (operator bootstrap, demo). */
    @EventListener(ApplicationStartedEvent.class)
    void watch() {
        OptionalLong head = catchUp.logHead();
        if (head.isEmpty()) {
            log.info("The event log is empty: read models are ready");
            caughtUp.complete(null);
            return;
        }
        startHead = head.getAsLong();
        Thread watcher = new Thread(() -> awaitHead(startHead), "read-model-startup-catch-up");
        watcher.setDaemon(true);
        watcher.start();
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        closing = true;
    }

    private void awaitHead(long head) {
        long start = System.nanoTime();
        long nextReport = start + PROGRESS_NANOS;
        Set<String> runElsewhere = Set.of();
        while (!closing && !catchUp.hasReached(head, runElsewhere)) {
            long now = System.nanoTime();
            if (runElsewhere.isEmpty() && now - start > unclaimedGrace.toNanos()) {
                runElsewhere = catchUp.unclaimedHere();
                if (!runElsewhere.isEmpty()) {
                    // a killed node's claim expires within seconds; still none after the grace means another node
                    // sharing the stores runs these, and this node would otherwise never become ready
                    log.warn("This node has claimed no segment of {} after {}: another node runs them; not waiting for them",
                            runElsewhere, unclaimedGrace);
                }
            }
            if (now > nextReport) {
                log.info("Read models are catching up with the event log (position {}): {}", head, catchUp.describePositions());
                nextReport += PROGRESS_NANOS;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        if (!closing) {
            log.info("Read models caught up with the event log (position {}) in {} ms: ready for traffic", head,
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
            caughtUp.complete(null);
        }
    }

    boolean isCaughtUp() {
        return caughtUp.isDone();
    }

    /** The log position read models had to reach, or -1 when the log was empty (or the watch has not begun). */
    long startHead() {
        return startHead;
    }

    /** Completes when the read models have caught up; a copy, so a waiter that gives up cannot cancel it for others. */
    CompletableFuture<Void> whenCaughtUp() {
        return caughtUp.copy();
    }
}
