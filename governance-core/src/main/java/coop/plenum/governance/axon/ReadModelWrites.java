package coop.plenum.governance.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.axonframework.config.ProcessingGroup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upserts of a projection that can wait until the end of the batch of events its processor is projecting, and then
 * go to MongoDB as one ordered bulk write instead of one round trip each (a hundred upserts by {@code _id} take
 * about a fifth of the time in bulk on the embedded server; docs/performance.md, "Read-model store").
 * <p>
 * A projection opts in per event type with {@link #batch}: the handlers of those events must write only through
 * {@link #upsert}, {@link #updateFirst}, {@link #replace} and {@link #afterWritten}, and read nothing that a write
 * queued earlier in the batch may change unless they also remember those writes (BallotBatch, MembershipBatch).
 * Everything else keeps its order: before any other event of the group is handled the queued writes are flushed,
 * and they are always flushed before the batch's token is stored (see {@link ReadModelWriteBatching}), so
 * "acknowledged by the token ⇒ written" still holds.
 * Outside a batch (a dead letter being retried, a test calling a handler) a write is made at once.
 */
@Component
public class ReadModelWrites {

    static final String PENDING = ReadModelWrites.class.getName() + ".pending";

    private final ReactiveMongoTemplate mongo;
    private final BatchableEvents batchable = new BatchableEvents();

    /** Outside an application (a test): a group's projections are those that asked to batch something. */
    public ReadModelWrites(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** In the application: a group's projections are its {@code @ProcessingGroup} beans, whether they batch or not. */
    @Autowired
    public ReadModelWrites(ReactiveMongoTemplate mongo, ApplicationContext context) {
        this(mongo);
        batchable.membersFrom(group -> Arrays.stream(context.getBeanNamesForAnnotation(ProcessingGroup.class))
                .filter(name -> {
                    ProcessingGroup found = context.findAnnotationOnBean(name, ProcessingGroup.class);
                    return found != null && found.value().equals(group);
                })
                .<Class<?>>map(name -> ClassUtils.getUserClass(context.getType(name)))
                .toList());
    }

    /**
     * Lets the projection's handlers of these event types queue their writes until the end of the batch: only if every
     * projection of the group that handles such an event does too (BatchableEvents).
     */
    public void batch(Object projection, String processingGroup, Class<?>... eventTypes) {
        batchable.declare(ClassUtils.getUserClass(projection), processingGroup, List.of(eventTypes));
    }

    boolean batchable(String processingGroup, Class<?> eventType) {
        return batchable.batchable(processingGroup, eventType);
    }

    /** An upsert: queued when the current event's writes may wait for the end of its batch, else made now. */
    public void upsert(Class<?> entity, Query query, Update update) {
        Pending pending = pending();
        if (pending == null) {
            mongo.upsert(query, update, entity).block();
        } else {
            pending.add(new Write(Kind.UPSERT, entity, mongo.getCollectionName(entity), query, update, null));
        }
    }

    /**
     * An update that inserts nothing when no document matches (a transition guarded by "not applied yet", whose upsert
     * would try to insert a second document with the same {@code _id}): queued like {@link #upsert}, else made now.
     */
    public void updateFirst(Class<?> entity, Query query, Update update) {
        Pending pending = pending();
        if (pending == null) {
            mongo.updateFirst(query, update, entity).block();
        } else {
            pending.add(new Write(Kind.UPDATE, entity, mongo.getCollectionName(entity), query, update, null));
        }
    }

    /**
     * Replaces the matching document with {@code document}, or inserts it: queued like {@link #upsert}, else made now;
     * either way mapped as its type, so the bulk stores what a direct replace does.
     */
    public void replace(Query query, Object document) {
        Pending pending = pending();
        if (pending == null) {
            mongo.findAndReplace(query, document, FindAndReplaceOptions.options().upsert()).block();
        } else {
            Class<?> entity = ClassUtils.getUserClass(document);
            pending.add(new Write(Kind.REPLACE, entity, mongo.getCollectionName(entity), query, null, document));
        }
    }

    /** An upsert into a collection named directly (a store that keeps plain documents, not mapped types). */
    public void upsert(String collection, Query query, Update update) {
        Pending pending = pending();
        if (pending == null) {
            mongo.upsert(query, update, collection).block();
        } else {
            pending.add(new Write(Kind.UPSERT, null, collection, query, update, null));
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

    private enum Kind { UPSERT, UPDATE, REPLACE }

    /**
     * {@code entity}: the mapped type whose metadata maps the update, or null for plain documents; {@code update} for
     * an upsert or update, {@code replacement} for a replace.
     */
    private record Write(Kind kind, Class<?> entity, String collection, Query query, Update update, Object replacement) {

        void addTo(ReactiveBulkOperations bulk) {
            switch (kind) {
                case UPSERT -> bulk.upsert(query, update);
                case UPDATE -> bulk.updateOne(query, update);
                case REPLACE -> bulk.replaceOne(query, replacement, FindAndReplaceOptions.options().upsert());
            }
        }
    }

    /**
     * One batch's queued writes, flushed as one bulk write per collection. Handlers usually alternate between two
     * collections (a ballot page, then the proposal's list of pages), so flushing "runs" in queue order made bulks of
     * one write each. Writes to different collections do not depend on each other, so only the order within a
     * collection is kept. A write that only adds to sets ({@code $addToSet}, {@code $setOnInsert}) and equals one
     * already queued (the same page added to a proposal's list for the next ballot) changes nothing the second time
     * whatever ran in between, so it is queued once; any other write is always queued.
     */
    static final class Pending {
        private static final Set<String> ONLY_ADDS = Set.of("$addToSet", "$setOnInsert");
        private final ReactiveMongoTemplate mongo;
        private final Map<String, Map<List<Object>, Write>> writes = new LinkedHashMap<>();
        private final List<Runnable> afterwards = new ArrayList<>();

        private Pending(ReactiveMongoTemplate mongo) {
            this.mongo = mongo;
        }

        void add(Write write) {
            org.bson.Document update = write.kind() == Kind.UPSERT ? write.update().getUpdateObject() : null;
            List<Object> key = update != null && ONLY_ADDS.containsAll(update.keySet())
                    ? List.of(write.query().getQueryObject(), update)
                    : List.of(new Object());
            writes.computeIfAbsent(write.collection(), c -> new LinkedHashMap<>()).putIfAbsent(key, write);
        }

        void flush() {
            writes.forEach((collection, queued) -> {
                Class<?> entity = queued.values().iterator().next().entity();
                ReactiveBulkOperations bulk = entity == null ? mongo.bulkOps(BulkOperations.BulkMode.ORDERED, collection)
                        : mongo.bulkOps(BulkOperations.BulkMode.ORDERED, entity, collection);
                queued.values().forEach(write -> write.addTo(bulk));
                bulk.execute().block();
            });
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
