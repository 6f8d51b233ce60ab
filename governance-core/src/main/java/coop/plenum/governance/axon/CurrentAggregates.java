package coop.plenum.governance.axon;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.Repository;

import java.util.concurrent.Callable;

/**
 * Loads an aggregate (locking it for the rest of the unit of work) that is never behind the log. It may come from this
 * node's cache while another node sharing the log has appended to it since: its version is checked against the last
 * sequence number in the log, and a cached aggregate that is behind fails the unit of work with a
 * {@link ConcurrencyException} (which evicts it), so the command is re-run on the fresh one ({@link ConflictRetry})
 * rather than deciding, or freezing facts into an event, from a stale state.
 */
public final class CurrentAggregates {

    private CurrentAggregates() {
    }

    /** @throws org.axonframework.modelling.command.AggregateNotFoundException if the log has no such aggregate */
    public static <T> Aggregate<T> load(Repository<T> repository, EventStore log, String id) {
        return notBehind(repository.load(id), log, id);
    }

    /** The aggregate, or a new one (stored with its first event) if the log has none yet. */
    public static <T> Aggregate<T> loadOrCreate(Repository<T> repository, EventStore log, String id, Callable<T> factory) {
        try {
            return notBehind(repository.loadOrCreate(id, factory), log, id);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not create aggregate " + id, e);
        }
    }

    private static <T> Aggregate<T> notBehind(Aggregate<T> aggregate, EventStore log, String id) {
        if (aggregate.version() == null) {
            return aggregate; // just created: the log had none, and another node creating it too fails one of the two appends
        }
        long inTheLog = log.lastSequenceNumberFor(id).orElse(-1L);
        if (aggregate.version() < inTheLog) {
            throw new ConcurrencyException("aggregate " + id + " changed on another node (cached at " + aggregate.version()
                    + ", " + inTheLog + " in the log)");
        }
        return aggregate;
    }
}
