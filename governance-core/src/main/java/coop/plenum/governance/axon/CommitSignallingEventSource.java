package coop.plenum.governance.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjLongConsumer;

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
 */
class CommitSignallingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CommitSignallingEventSource.class);

    private final EventStore eventStore;
    private final Set<Runnable> waiting = ConcurrentHashMap.newKeySet();
    private final ObjLongConsumer<String> positions;
    private volatile Thread relay;
    private volatile boolean closed;

    CommitSignallingEventSource(EventStore eventStore, ObjLongConsumer<String> positions) {
        this.eventStore = eventStore;
        this.positions = positions;
    }

    void signal() {
        waiting.forEach(Runnable::run);
    }

    private synchronized void startRelay() {
        if (relay != null || closed) {
            return;
        }
        Thread thread = new Thread(this::relay, "plenum-commit-relay");
        thread.setDaemon(true);
        thread.start();
        relay = thread;
    }

    private void relay() {
        while (!closed) {
            try (BlockingStream<TrackedEventMessage<?>> tail = eventStore.openStream(eventStore.createHeadToken())) {
                while (!closed) {
                    if (tail.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (tail.hasNextAvailable()) {
                            TrackedEventMessage<?> event = tail.nextAvailable();
                            event.trackingToken().position().ifPresent(p -> positions.accept(event.getIdentifier(), p));
                        }
                        signal();
                    }
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
        startRelay();
        return new SignalledStream(eventStore.openStream(trackingToken));
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
        private volatile Runnable callback;

        private SignalledStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
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
            }
            callback = onAvailable;
            waiting.add(onAvailable);
            return true;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                waiting.remove(registered);
            }
            delegate.close();
        }
    }
}
