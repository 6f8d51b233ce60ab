package coop.plenum.governance.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjLongConsumer;
import java.util.function.Predicate;

/**
 * The event log as pooled streaming processors read it, with one addition: their streams accept an "events are
 * available" callback. Without it a pooled processor polls an idle log every 500 ms (measured: every read-your-writes
 * wait took ~450 ms).
 * <p>
 * The processors share one reader of the log: the embedded event store's producer fetches new events once into a
 * cache that every caught-up processor tails (optimizeEventConsumption), instead of eight processors each running
 * their own SELECT on every commit (issue 16: ~24 SELECTs per ballot, 73 % of them empty). One relay thread tails the
 * same cache and, once new events are in it, fires the processors' callbacks, so a woken processor finds them at
 * once. The relay also reports each event's position to {@link CommittedEvents}. Events appended by other nodes
 * reach the cache at the producer's fetch delay (1 s).
 * <p>
 * A processor's view ({@link #forProcessor}) is woken at once only by events it handles. Woken by every commit, each of
 * the dozen processors that handle no ballot event ran its coordinator and its work package's thread for every
 * ballot only to pass the event by: ~0.7 ms of a ballot's ~7 ms of CPU (issue 16, profile of 2026-12-04). Such a
 * processor is woken once within {@value #DEFERRED_WAKE_MILLIS} ms of the first event it passes by, and at once by
 * {@link #wakeAll()} when someone waits for every processor to reach a position. Read-your-writes waits only for the
 * processors that handle the command's events ({@link ReadModelCatchUp#awaitWritten}), so it never waits on a deferred
 * wake.
 */
class CommitSignallingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CommitSignallingEventSource.class);

    private final EventStore eventStore;
    /** How long a processor may be left asleep after events it does not handle; it passes them by when woken. */
    static final long DEFERRED_WAKE_MILLIS = 50;
    private static final Predicate<Class<?>> EVERY_EVENT = type -> true;

    /** Each woken stream's callback, with the payload types that wake it at once. */
    private final Map<Runnable, Predicate<Class<?>>> waiting = new ConcurrentHashMap<>();
    private final Set<Runnable> deferred = ConcurrentHashMap.newKeySet();
    /** When the deferred callbacks are due (System.nanoTime), or 0 when none are; written by the relay only. */
    private long deferredDue;
    private final ObjLongConsumer<String> positions;
    private final long deferredWakeNanos;
    private volatile Thread relay;
    private volatile boolean closed;

    CommitSignallingEventSource(EventStore eventStore, ObjLongConsumer<String> positions) {
        this(eventStore, positions, Duration.ofMillis(DEFERRED_WAKE_MILLIS));
    }

    CommitSignallingEventSource(EventStore eventStore, ObjLongConsumer<String> positions, Duration deferredWake) {
        this.eventStore = eventStore;
        this.positions = positions;
        this.deferredWakeNanos = deferredWake.toNanos();
    }

    /** Wakes every processor now, also those whose wake was deferred. */
    void wakeAll() {
        deferred.clear();
        waiting.keySet().forEach(Runnable::run);
    }

    private void wake(Set<Class<?>> appended) {
        waiting.forEach((callback, wakesOn) -> {
            if (appended.stream().anyMatch(wakesOn)) {
                deferred.remove(callback);
                callback.run();
            } else if (deferred.add(callback) && deferredDue == 0) {
                deferredDue = System.nanoTime() + deferredWakeNanos;
            }
        });
    }

    private void wakeDeferredIfDue() {
        if (deferredDue != 0 && System.nanoTime() - deferredDue >= 0) {
            deferredDue = 0;
            for (Runnable callback : List.copyOf(deferred)) {
                deferred.remove(callback);
                callback.run();
            }
        }
    }

    private int relayWaitMillis() {
        if (deferredDue == 0) {
            return 1000;
        }
        return (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deferredDue - System.nanoTime()) + 1);
    }

    private synchronized void startRelay() {
        if (relay != null || closed) {
            return;
        }
        // the tail starts where the log is now, not when the thread gets to it: no commit in between goes unsignalled
        TrackingToken from = eventStore.createHeadToken();
        Thread thread = new Thread(() -> relay(from), "plenum-commit-relay");
        thread.setDaemon(true);
        thread.start();
        relay = thread;
    }

    private void relay(TrackingToken start) {
        TrackingToken from = start;
        while (!closed) {
            try (BlockingStream<TrackedEventMessage<?>> tail = eventStore.openStream(from)) {
                while (!closed) {
                    if (tail.hasNextAvailable(relayWaitMillis(), TimeUnit.MILLISECONDS)) {
                        Set<Class<?>> appended = new HashSet<>();
                        while (tail.hasNextAvailable()) {
                            TrackedEventMessage<?> event = tail.nextAvailable();
                            event.trackingToken().position().ifPresent(p -> positions.accept(event.getIdentifier(), p));
                            from = event.trackingToken();
                            appended.add(event.getPayloadType());
                        }
                        wake(appended);
                    }
                    wakeDeferredIfDue();
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failed) {
                if (closed) {
                    return;
                }
                // the log is unreachable for a moment: processors fall back to their token-claim interval meanwhile
                log.warn("The commit relay lost the event log ({}); reopening in 1 s", failed.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread running = relay;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return openStream(trackingToken, EVERY_EVENT);
    }

    private BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken, Predicate<Class<?>> wakesOn) {
        startRelay();
        return new SignalledStream(eventStore.openStream(trackingToken), wakesOn);
    }

    /**
     * The log as one processor reads it: its streams are woken at once by events whose payload type {@code handles}
     * accepts, and within {@value #DEFERRED_WAKE_MILLIS} ms by any other.
     */
    StreamableMessageSource<TrackedEventMessage<?>> forProcessor(Predicate<Class<?>> handles) {
        return new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
                return CommitSignallingEventSource.this.openStream(trackingToken, handles);
            }

            @Override
            public TrackingToken createTailToken() {
                return CommitSignallingEventSource.this.createTailToken();
            }

            @Override
            public TrackingToken createHeadToken() {
                return CommitSignallingEventSource.this.createHeadToken();
            }

            @Override
            public TrackingToken createTokenAt(Instant dateTime) {
                return CommitSignallingEventSource.this.createTokenAt(dateTime);
            }
        };
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    private final class SignalledStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private final Predicate<Class<?>> wakesOn;
        private volatile Runnable callback;

        private SignalledStream(BlockingStream<TrackedEventMessage<?>> delegate, Predicate<Class<?>> wakesOn) {
            this.delegate = delegate;
            this.wakesOn = wakesOn;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            Runnable previous = callback;
            if (previous != null) {
                waiting.remove(previous);
                deferred.remove(previous);
            }
            callback = onAvailable;
            waiting.put(onAvailable, wakesOn);
            return true;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                waiting.remove(registered);
                deferred.remove(registered);
            }
            delegate.close();
        }
    }
}
