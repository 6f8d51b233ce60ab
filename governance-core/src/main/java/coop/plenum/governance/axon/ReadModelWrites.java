package coop.plenum.governance.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Upserts of a projection that can wait until the end of the batch of events its processor is projecting, and then
 * go to MongoDB as one ordered bulk write instead of one round trip each (a hundred upserts by {@code _id} take
 * about a fifth of the time in bulk on the embedded server; docs/performance.md, "Read-model store").
 * <p>
 * A projection opts in per event type with {@link #batch}: the handlers of those events must write only through
 * {@link #upsert} and {@link #afterWritten}, and read nothing. Everything else keeps its order: before any other
 * event of the group is handled the queued writes are flushed, and they are always flushed before the batch's
 * token is stored (see {@link ReadModelWriteBatching}), so "acknowledged by the token ⇒ written" still holds.
 * Outside a batch (a dead letter being retried, a test calling a handler) a write is made at once.
 */
@Component
public class ReadModelWrites {

    static final String PENDING = ReadModelWrites.class.getName() + ".pending";

    private final ReactiveMongoTemplate mongo;
    private final Map<String, Set<Class<?>>> batchable = new ConcurrentHashMap<>();

    ReadModelWrites(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Lets the group's handlers of these event types queue their writes until the end of the batch. */
    public void batch(String processingGroup, Class<?>... eventTypes) {
        batchable.computeIfAbsent(processingGroup, g -> ConcurrentHashMap.newKeySet()).addAll(List.of(eventTypes));
    }

    boolean batchable(String processingGroup, Class<?> eventType) {
        return batchable.getOrDefault(processingGroup, Set.of()).contains(eventType);
    }

    /** An upsert: queued when the current event's writes may wait for the end of its batch, else made now. */
    public void upsert(Class<?> entity, Query query, Update update) {
        Pending pending = pending();
        if (pending == null) {
            mongo.upsert(query, update, entity).block();
        } else {
            pending.writes.add(new Write(entity, query, update));
        }
    }

    /** Runs once the writes queued so far are in MongoDB (at once when nothing is queued). */
    public void afterWritten(Runnable action) {
        Pending pending = pending();
        if (pending == null) {
            action.run();
        } else {
            pending.afterwards.add(action);
        }
    }

    private static Pending pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unit = CurrentUnitOfWork.get();
        return unit.getMessage() instanceof EventMessage<?> ? unit.root().getResource(PENDING) : null;
    }

    Pending newPending() {
        return new Pending(mongo);
    }

    private record Write(Class<?> entity, Query query, Update update) {
    }

    /** One batch's queued writes, flushed in order, one bulk write per run of writes to the same collection. */
    static final class Pending {
        private final ReactiveMongoTemplate mongo;
        private final List<Write> writes = new ArrayList<>();
        private final List<Runnable> afterwards = new ArrayList<>();

        private Pending(ReactiveMongoTemplate mongo) {
            this.mongo = mongo;
        }

        void flush() {
            int i = 0;
            while (i < writes.size()) {
                Class<?> entity = writes.get(i).entity();
                ReactiveBulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, entity);
                while (i < writes.size() && writes.get(i).entity() == entity) {
                    bulk.upsert(writes.get(i).query(), writes.get(i).update());
                    i++;
                }
                bulk.execute().block();
            }
            writes.clear();
            List<Runnable> actions = List.copyOf(afterwards);
            afterwards.clear();
            actions.forEach(Runnable::run);
        }

        boolean isEmpty() {
            return writes.isEmpty() && afterwards.isEmpty();
        }
    }
}
