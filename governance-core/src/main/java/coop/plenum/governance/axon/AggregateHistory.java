package coop.plenum.governance.axon;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * An aggregate's own events from its first, for readers that fold them (an audit replay, a policy rebuilding what it
 * keeps). Axon's {@code EventStore.readEvents(id)} starts from the aggregate's latest snapshot when there is one: the
 * snapshot's payload is the aggregate's state, not an event, and every event before it is left out, so a reader that
 * expects {@code ProposalSubmitted} first, or every ballot, would silently get neither once a long stream (a proposal
 * past {@code plenum.axon.snapshot-after-events}) has been snapshotted.
 */
public final class AggregateHistory {

    private AggregateHistory() {
    }

    /** Every event the aggregate has, oldest first, never a snapshot. */
    public static DomainEventStream of(EventStore eventStore, String aggregateIdentifier) {
        return eventStore.readEvents(aggregateIdentifier, 0L);
    }
}
