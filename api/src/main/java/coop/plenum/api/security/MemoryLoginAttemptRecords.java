package coop.plenum.api.security;

import coop.plenum.governance.account.login.LoginAttemptRecords;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Sign-in throttling's records in this node's memory, each map bounded (least recently used forgotten first). */
final class MemoryLoginAttemptRecords implements LoginAttemptRecords {

    private final Map<String, Failures> failures;
    private final Map<String, Instant> trusted;

    MemoryLoginAttemptRecords(int maxTracked) {
        this.failures = bounded(2 * maxTracked);
        this.trusted = bounded(maxTracked);
    }

    @Override
    public synchronized Optional<Failures> failures(String key, Instant since) {
        Failures found = failures.get(key);
        if (found != null && found.last().isBefore(since)) {
            failures.remove(key);
            return Optional.empty();
        }
        return Optional.ofNullable(found);
    }

    @Override
    public synchronized void failed(String key, Instant now, Instant since) {
        Failures found = failures(key, since).orElse(null);
        failures.put(key, new Failures(found == null ? 1 : found.count() + 1, now));
    }

    @Override
    public synchronized void forget(String key) {
        failures.remove(key);
    }

    @Override
    public synchronized Optional<Instant> trusted(String pair, Instant since) {
        Instant at = trusted.get(pair);
        return at == null || at.isBefore(since) ? Optional.empty() : Optional.of(at);
    }

    @Override
    public synchronized void trust(String pair, Instant now) {
        trusted.put(pair, now);
    }

    synchronized int size() {
        return failures.size() + trusted.size();
    }

    private static <V> Map<String, V> bounded(int max) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }
}
