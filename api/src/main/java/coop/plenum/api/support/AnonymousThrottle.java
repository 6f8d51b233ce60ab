package coop.plenum.api.support;


import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fixed-window limit for things a person may do without being signed in (accepting an invitation, asking for a
 * password reset): at most {@code perWindow} per key (a client address, an account) per {@code window}. Memory is
 * bounded: at most {@code maxKeys} keys are remembered, the least recently used dropped first. This node's memory
 * only: on several nodes each keeps its own count, so the limit is per node (documented in docs/accounts.md).
 */
public final class AnonymousThrottle {

    private record Window(Instant start, int used) {
    }

    private final Clock clock;
    private final int perWindow;
    private final Duration window;
    private final int maxKeys;
    private final Map<String, Window> windows = new LinkedHashMap<>(16, 0.75f, true);

    public AnonymousThrottle(Clock clock, int perWindow, Duration window, int maxKeys) {
        if (perWindow < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("a throttle allows at least 1 action per positive window for at least 1 key");
        }
        this.clock = clock;
        this.perWindow = perWindow;
        this.window = window;
        this.maxKeys = maxKeys;
    }

    /** Counts one action for this key, or refuses it (429 with Retry-After) when the window's allowance is spent. */
    public synchronized void acquire(String key) {
        Instant now = clock.instant();
        Window current = windows.get(key);
        if (current == null || !now.isBefore(current.start().plus(window))) {
            current = new Window(now, 0);
        }
        if (current.used() >= perWindow) {
            throw new Throttled(Duration.between(now, current.start().plus(window)));
        }
        windows.put(key, new Window(current.start(), current.used() + 1));
        while (windows.size() > maxKeys) {
            windows.remove(windows.keySet().iterator().next());
        }
    }

    /** Too many attempts from one client or for one account; {@code retryAfter} says when the next is allowed. */
    public static final class Throttled extends RuntimeException {
        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("too many attempts; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
