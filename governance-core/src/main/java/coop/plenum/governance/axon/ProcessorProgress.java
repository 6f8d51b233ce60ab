package coop.plenum.governance.axon;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last position each processor segment stored in its token store, as this node learnt it: from its own
 * {@link NotifyingTokenStore}, or from another node sharing the stores through {@link ClusterSignals}; and the
 * read-your-writes waits to re-check when one moves.
 */
@Component
class ProcessorProgress {

    /** Told of every token this node stores, once committed (to tell the other nodes). */
    interface StoredHere {
        void stored(String processorName, int segment, long position);
    }

    private final Map<String, Map<Integer, Long>> stored = new ConcurrentHashMap<>();
    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();
    private final Set<StoredHere> observers = ConcurrentHashMap.newKeySet();

    void stored(String processorName, int segment, long position) {
        // the latest, not the highest: a rebuild resets a token to the start of the log
        stored.computeIfAbsent(processorName, name -> new ConcurrentHashMap<>()).put(segment, position);
        observers.forEach(o -> o.stored(processorName, segment, position));
        listeners.forEach(Runnable::run);
    }

    /**
     * Another node stored this position. Only ever moves forward: its signals may arrive after this node's own
     * later store of the same segment (a segment that changed hands).
     */
    void storedElsewhere(String processorName, int segment, long position) {
        stored.computeIfAbsent(processorName, name -> new ConcurrentHashMap<>()).merge(segment, position, Math::max);
        listeners.forEach(Runnable::run);
    }

    OptionalLong storedPosition(String processorName, int segment) {
        Map<Integer, Long> segments = stored.get(processorName);
        Long position = segments == null ? null : segments.get(segment);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
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
