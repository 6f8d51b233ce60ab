package coop.plenum.governance.axon;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each processor segment has stored its token in its token store, as this node learnt it: from its own
 * {@link NotifyingTokenStore}, or from another node sharing the stores through {@link ClusterSignals}; and the
 * read-your-writes waits to re-check when one moves.
 */
@Component
class ProcessorProgress {

    /** Told of every token this node stores, once committed (to tell the other nodes). */
    interface StoredHere {
        void stored(String processorName, int segment, Reach reach);
    }

    private final Map<String, Map<Integer, Reach>> stored = new ConcurrentHashMap<>();
    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();
    private final Set<StoredHere> observers = ConcurrentHashMap.newKeySet();

    void stored(String processorName, int segment, Reach reach) {
        // the latest, not the furthest: a rebuild resets a token to the start of the log
        stored.computeIfAbsent(processorName, name -> new ConcurrentHashMap<>()).put(segment, reach);
        observers.forEach(o -> o.stored(processorName, segment, reach));
        listeners.forEach(Runnable::run);
    }

    /**
     * Another node stored this position. Only ever moves forward: its signals may arrive after this node's own
     * later store of the same segment (a segment that changed hands).
     */
    void storedElsewhere(String processorName, int segment, Reach reach) {
        stored.computeIfAbsent(processorName, name -> new ConcurrentHashMap<>()).merge(segment, reach, Reach::furthest);
        listeners.forEach(Runnable::run);
    }

    Reach storedReach(String processorName, int segment) {
        Map<Integer, Reach> segments = stored.get(processorName);
        Reach reach = segments == null ? null : segments.get(segment);
        return reach == null ? Reach.NOTHING : reach;
    }

    /** Wakes the waits without news of a token: they re-read what other nodes stored. */
    void recheck() {
        listeners.forEach(Runnable::run);
    }

    void observe(StoredHere observer) {
        observers.add(observer);
    }

    void listen(Runnable listener) {
        listeners.add(listener);
    }

    void unlisten(Runnable listener) {
        listeners.remove(listener);
    }
}
