package coop.plenum.governance.axon;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * The embedded event store, whose producer (the one reader of the log that caught-up processors share) can be told
 * that another node appended events; otherwise it sees them only at its fetch delay (1 s).
 */
class WakeableEventStore extends EmbeddedEventStore {

    WakeableEventStore(Builder builder) {
        super(builder);
    }

    /** Another node committed events: fetch now if the producer is idle. */
    void wake() {
        afterCommit(List.of());
    }
}
