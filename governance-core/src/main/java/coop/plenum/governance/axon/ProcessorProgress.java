package coop.plenum.governance.axon;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last position each processor segment stored in its token store on this node, and the read-your-writes waits
 * to re-check when one moves. Fed by {@link NotifyingTokenStore}.
 */
@Component
class ProcessorProgress {

    private final Map<String, Map<Integer, Long>> stored = new ConcurrentHashMap<>();
    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();

    void stored(String processorName, int segment, long position) {
        // the latest, not the highest: a rebuild resets a token to the start of the log
        stored.computeIfAbsent(processorName, name -> new ConcurrentHashMap<>()).put(segment, position);
        listeners.forEach(Runnable::run);
    }

    OptionalLong storedPosition(String processorName, int segment) {
        Map<Integer, Long> segments = stored.get(processorName);
        Long position = segments == null ? null : segments.get(segment);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    void listen(Runnable listener) {
        listeners.add(listener);
    }

    void unlisten(Runnable listener) {
        listeners.remove(listener);
    }
}
