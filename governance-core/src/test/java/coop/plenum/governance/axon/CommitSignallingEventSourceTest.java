package coop.plenum.governance.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CommitSignallingEventSourceTest {

    record Handled(String value) {
    }

    record PassedBy(String value) {
    }

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).optimizeEventConsumption(true).build();
    private CommitSignallingEventSource relay;

    @AfterEach
    void close() {
        relay.close();
        eventStore.shutDown();
    }

    @Test
    void aProcessorIsWokenAtOnceByAnEventItHandlesAndOnlyLaterByOneItPassesBy() throws Exception {
        // a deferral far longer than the test: only wakeAll can wake the processor that passes the event by
        relay = new CommitSignallingEventSource(eventStore, (id, position) -> { }, Duration.ofMinutes(10));
        AtomicInteger handlerWakes = new AtomicInteger();
        CountDownLatch everyEventWoken = new CountDownLatch(2);
        try (BlockingStream<TrackedEventMessage<?>> handlerOfOneType = relay.forProcessor(Handled.class::equals)
                .openStream(null);
             BlockingStream<TrackedEventMessage<?>> everyEvent = relay.openStream(null)) {
            handlerOfOneType.setOnAvailableCallback(handlerWakes::incrementAndGet);
            everyEvent.setOnAvailableCallback(everyEventWoken::countDown);

            eventStore.publish(GenericEventMessage.asEventMessage(new PassedBy("a")));
            awaitCount(everyEventWoken, 1);
            assertThat(handlerWakes).as("not woken by an event it passes by").hasValue(0);

            eventStore.publish(GenericEventMessage.asEventMessage(new Handled("b")));
            assertThat(everyEventWoken.await(10, TimeUnit.SECONDS)).isTrue();
            awaitValue(handlerWakes, 1);

            eventStore.publish(GenericEventMessage.asEventMessage(new PassedBy("c")));
            relay.wakeAll();
            assertThat(handlerWakes).as("wakeAll wakes a processor whose wake was deferred").hasValueGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aProcessorThatPassesAnEventByIsStillWokenWithinTheDeferral() throws Exception {
        relay = new CommitSignallingEventSource(eventStore, (id, position) -> { }, Duration.ofMillis(50));
        CountDownLatch woken = new CountDownLatch(1);
        try (BlockingStream<TrackedEventMessage<?>> handlerOfOneType = relay.forProcessor(Handled.class::equals)
                .openStream(null)) {
            handlerOfOneType.setOnAvailableCallback(woken::countDown);
            eventStore.publish(GenericEventMessage.asEventMessage(new PassedBy("a")));
            assertThat(woken.await(10, TimeUnit.SECONDS)).as("woken after the deferral, to pass the event by").isTrue();
            assertThat(handlerOfOneType.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(handlerOfOneType.nextAvailable().getPayloadType()).isEqualTo(PassedBy.class);
        }
    }

    private static void awaitCount(CountDownLatch latch, long remaining) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (latch.getCount() > remaining && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(latch.getCount()).isEqualTo(remaining);
    }

    private static void awaitValue(AtomicInteger counter, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (counter.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(counter).hasValue(expected);
    }
}
