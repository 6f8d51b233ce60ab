package coop.plenum.governance.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedType;

import java.util.Objects;

/**
 * Snapshots are a cache of the events, never upcast: one is used only if its class still exists with the revision
 * it was written with. Any other is ignored, and the aggregate is loaded by replaying its events.
 */
final class CurrentSnapshots implements SnapshotFilter {

    @Override
    public boolean allow(DomainEventData<?> snapshot) {
        return test(snapshot);
    }

    @Override
    public boolean test(DomainEventData<?> snapshot) {
        SerializedType type = snapshot.getPayload().getType();
        try {
            Class<?> payload = Class.forName(type.getName(), false, CurrentSnapshots.class.getClassLoader());
            Revision revision = payload.getAnnotation(Revision.class);
            return Objects.equals(revision == null ? null : revision.value(), type.getRevision());
        } catch (ClassNotFoundException | LinkageError gone) {
            return false;
        }
    }
}
