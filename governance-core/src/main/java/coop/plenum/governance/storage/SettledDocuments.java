package coop.plenum.governance.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Read-model documents a projection reads on every ballot but that can no longer change once voting is open (a
 * vote's title, topic, visibility and deadline), kept in memory so a ballot costs no read of them. Only documents
 * that are settled may be put here: what may still change is read from the store every time, so a cache on any node
 * holds what every node would read. Bounded to the most recently used, so memory does not grow with the number of
 * votes ever held.
 */
public final class SettledDocuments<K, V> {

    private final Map<K, V> entries;

    public SettledDocuments(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The document cached for {@code key}; otherwise the one {@code read} finds, kept when {@code settled} says it no
     * longer changes. Null when {@code read} finds none.
     */
    public V get(K key, Function<K, V> read, java.util.function.Predicate<V> settled) {
        synchronized (entries) {
            V cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        V found = read.apply(key);
        if (found != null && settled.test(found)) {
            synchronized (entries) {
                entries.put(key, found);
            }
        }
        return found;
    }

    public void forget(K key) {
        synchronized (entries) {
            entries.remove(key);
        }
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
