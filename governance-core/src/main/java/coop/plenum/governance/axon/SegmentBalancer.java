package coop.plenum.governance.axon;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps the read models' segments spread over the nodes sharing the stores. A pooled processor claims every segment
 * nobody holds, so the first node to start would keep them all: every {@code plenum.cluster.rebalance-interval} a
 * node that holds more than its share (segments / nodes, rounded up) releases one for a while, and another node
 * claims it within a second. A node that leaves stops extending its claims; after the claim timeout (10 s) the others
 * claim its segments. Tokens stored with fewer segments than {@code plenum.cluster.read-model-segments} (a log
 * projected before segments existed) are split by the node that holds them: both halves start from the token of the
 * one they came from, so no event is handled twice or skipped.
 */
@Component
class SegmentBalancer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SegmentBalancer.class);

    private final ReadModelProcessors readModels;
    private final StoredTokens storedTokens;
    private final ClusterSignals signals;
    private final ClusterProperties cluster;
    private volatile boolean closing;
    private volatile Thread thread;

    SegmentBalancer(ReadModelProcessors readModels, StoredTokens storedTokens, ClusterSignals signals, ClusterProperties cluster) {
        this.readModels = readModels;
        this.storedTokens = storedTokens;
        this.signals = signals;
        this.cluster = cluster;
    }

    @EventListener(ContextRefreshedEvent.class)
    synchronized void start() {
        if (thread != null || cluster.readModelSegments() < 2) {
            return;
        }
        Thread balancer = new Thread(this::run, "plenum-segment-balancer");
        balancer.setDaemon(true);
        balancer.start();
        thread = balancer;
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        closing = true;
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    private void run() {
        while (!closing && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(cluster.rebalanceInterval().toNanos());
            if (closing) {
                return;
            }
            try {
                readModels.all().forEach(this::balance);
            } catch (RuntimeException failed) {
                log.warn("Could not balance the read models' segments: {}", failed.toString());
            }
        }
    }

    private void balance(StreamingEventProcessor processor) {
        int wanted = ProcessingConfiguration.segmentsOf(processor.getName(), cluster);
        Map<Integer, EventTrackerStatus> held = processor.processingStatus();
        if (wanted < 2 || held.isEmpty() || !processor.isRunning()) {
            return;
        }
        int stored = storedTokens.positions(processor.getName(), 0).size();
        if (stored == 0) {
            return;
        }
        if (stored < wanted) {
            // the widest segment this node holds; one split per round, each visible in the store before the next
            held.values().stream().min(Comparator.comparingInt(s -> s.getSegment().getMask()))
                    .ifPresent(widest -> {
                        log.info("Node {} splits segment {} of {} ({} of {} segments stored)", cluster.nodeId(),
                                widest.getSegment().getSegmentId(), processor.getName(), stored, wanted);
                        processor.splitSegment(widest.getSegment().getSegmentId());
                    });
            return;
        }
        int nodes = 1 + signals.otherNodes();
        int share = (stored + nodes - 1) / nodes;
        if (nodes > 1 && held.size() > share) {
            int release = held.keySet().stream().max(Integer::compare).orElseThrow();
            log.info("Node {} releases segment {} of {} to another node ({} held here, {} nodes, {} segments)",
                    cluster.nodeId(), release, processor.getName(), held.size(), nodes, stored);
            // long enough for the others to claim it (they look every second); Axon then logs a harmless warning that
            // its second release of the same claim found it owned by another node
            long releaseFor = Math.max(cluster.rebalanceInterval().toMillis(), 3000);
            processor.releaseSegment(release, releaseFor, TimeUnit.MILLISECONDS);
        }
    }
}
