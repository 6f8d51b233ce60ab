package coop.plenum.governance.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

import java.util.List;

/**
 * Axon's in-memory engine with appends that never let a reader skip an event. Axon's engine puts the events of one
 * append into its sorted map in a hash map's order, so when their positions cross a multiple of the hash table's size a
 * later position is visible before an earlier one; a streaming reader that looks in between moves its index token past
 * the missing event and never sees it (measured: a group commit of three ballots, one of them never counted in the
 * benchmark's in-memory run). Appending one event at a time keeps every put in ascending order. Only
 * {@code plenum.event-store=in-memory}, the benchmarks' ceiling, uses this engine.
 */
class InOrderInMemoryEventStorageEngine extends InMemoryEventStorageEngine {

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            super.appendEvents(List.of(event));
        }
    }
}
