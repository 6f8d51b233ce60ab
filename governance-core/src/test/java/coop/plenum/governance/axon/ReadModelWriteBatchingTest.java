package coop.plenum.governance.axon;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import coop.plenum.governance.storage.EmbeddedMongoServer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Queued projection writes reach MongoDB in order, before the batch ends, and a failing one cannot stall the processor. */
class ReadModelWriteBatchingTest {

    record Counted(String key) {
    }

    record Renamed(String key) {
    }

    @org.springframework.data.mongodb.core.mapping.Document("counts")
    record CountDocument(String id, long n) {
    }

    @org.springframework.data.mongodb.core.mapping.Document("sets")
    record SetDocument(String id, List<Long> positions) {
    }

    @TempDir
    Path dir;

    private EmbeddedMongoServer server;
    private MongoClient client;
    private ReactiveMongoTemplate mongo;
    private ReadModelWrites writes;
    private ReadModelWriteBatching batching;
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void start() {
        server = EmbeddedMongoServer.start(dir);
        client = MongoClients.create(server.connectionString());
        mongo = new ReactiveMongoTemplate(client, "test");
        writes = new ReadModelWrites(mongo);
        writes.batch(this, "readmodel-test", Counted.class);
        batching = new ReadModelWriteBatching("readmodel-test", writes);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void queuedWritesWaitForTheEndOfTheBatchAndGoInOrder() {
        ResultMessage<?> result = project(List.of(event(1, new Counted("a")), event(2, new Counted("a")), event(3, new Counted("b"))), e -> {
            writes.upsert(CountDocument.class, byKey(((Counted) e.getPayload()).key()), new Update().inc("n", 1));
            writes.afterWritten(() -> seen.add("after " + e.getPayload()));
            seen.add("handled with " + documents() + " documents");
        });

        assertThat(result.isExceptional()).isFalse();
        assertThat(seen).as("nothing written while the batch was handled; the callbacks after the bulk write")
                .containsExactly("handled with 0 documents", "handled with 0 documents", "handled with 0 documents",
                        "after Counted[key=a]", "after Counted[key=a]", "after Counted[key=b]");
        assertThat(count("a")).isEqualTo(2);
        assertThat(count("b")).isEqualTo(1);
    }

    @Test
    void writesAlternatingBetweenCollectionsKeepTheirOrderWithinEachAndARepeatedAddToSetIsHarmless() {
        // as a ballot handler does: a page gets the ballot, the proposal's page list gets the page (again and again)
        project(List.of(event(1, new Counted("a")), event(2, new Counted("a")), event(3, new Counted("a"))), e -> {
            writes.upsert(SetDocument.class, byKey("page"), new Update().addToSet("positions", position(e)));
            writes.upsert(CountDocument.class, byKey("list"), new Update().set("n", position(e)));
            writes.upsert(SetDocument.class, byKey("pages"), new Update().addToSet("positions", 0L));
            writes.upsert(CountDocument.class, byKey("list"), new Update().set("n", 10 * position(e)));
        });

        assertThat(positions("page")).containsExactly(1L, 2L, 3L);
        assertThat(positions("pages")).as("added once, however often it was queued").containsExactly(0L);
        assertThat(count("list")).as("the last $set within the collection wins, as queued").isEqualTo(30);
    }

    @Test
    void anEventWhoseHandlersWriteDirectlySeesEveryWriteQueuedBeforeIt() {
        project(List.of(event(1, new Counted("a")), event(2, new Renamed("a")), event(3, new Counted("a"))), e -> {
            if (e.getPayload() instanceof Renamed) {
                seen.add("direct handler saw n=" + count("a"));
                mongo.upsert(byKey("a"), new Update().set("renamed", true), CountDocument.class).block();
            } else {
                writes.upsert(CountDocument.class, byKey("a"), new Update().inc("n", 1));
            }
        });

        assertThat(seen).containsExactly("direct handler saw n=1");
        assertThat(count("a")).isEqualTo(2);
    }

    @Test
    void aFailingBulkWriteFailsTheBatchAndItsRetryMakesEachWriteInItsOwnHandlerSoThePoisonIsParkedAlone() {
        mongo.getCollection("sets").flatMap(c -> reactor.core.publisher.Mono.from(c.insertOne(new Document("_id", "poison").append("positions", "text")))).block();
        List<TrackedEventMessage<?>> events = List.of(event(1, new Counted("a")), event(2, new Counted("poison")), event(3, new Counted("b")));
        // idempotent, as every projection write is: a write made twice (the failed bulk, then the retry) adds nothing
        Consumer<org.axonframework.eventhandling.EventMessage<?>> handler = e -> writes.upsert(SetDocument.class,
                byKey(((Counted) e.getPayload()).key()), new Update().addToSet("positions", position(e)));

        assertThat(project(events, handler).isExceptional()).as("the bulk write failed, so the batch did").isTrue();

        List<String> failedIn = new ArrayList<>();
        project(events, e -> {
            try {
                handler.accept(e);
            } catch (RuntimeException failure) {
                // what the dead-lettering invoker does with a handler's failure: park that event, go on
                failedIn.add(((Counted) e.getPayload()).key());
            }
        });
        assertThat(failedIn).as("the retry failed inside the poison event's own handler").containsExactly("poison");
        assertThat(positions("a")).containsExactly(1L);
        assertThat(positions("b")).containsExactly(3L);

        seen.clear();
        project(List.of(event(4, new Counted("b")), event(5, new Counted("b"))), e -> {
            handler.accept(e);
            seen.add("b has " + positions("b").size());
        });
        assertThat(seen).as("past the failed batch, writes are queued again").containsExactly("b has 1", "b has 1");
        assertThat(positions("b")).containsExactly(3L, 4L, 5L);
    }

    private List<Long> positions(String key) {
        SetDocument found = mongo.findById(key, SetDocument.class).block();
        return found == null ? List.of() : found.positions();
    }

    private static long position(org.axonframework.eventhandling.EventMessage<?> event) {
        return ((TrackedEventMessage<?>) event).trackingToken().position().orElseThrow();
    }

    private ResultMessage<?> project(List<TrackedEventMessage<?>> events, Consumer<org.axonframework.eventhandling.EventMessage<?>> handler) {
        BatchingUnitOfWork<TrackedEventMessage<?>> unit = new BatchingUnitOfWork<>(events);
        return unit.executeWithResult(() -> batching.handle(unit, () -> {
            handler.accept(unit.getMessage());
            return null;
        }));
    }

    private static TrackedEventMessage<?> event(long position, Object payload) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position), GenericEventMessage.asEventMessage(payload));
    }

    private static Query byKey(String key) {
        return Query.query(where("_id").is(key));
    }

    private long documents() {
        return mongo.getCollection("counts").flatMap(c -> reactor.core.publisher.Mono.from(c.countDocuments())).block();
    }

    private long count(String key) {
        CountDocument found = mongo.findById(key, CountDocument.class).block();
        return found == null ? 0 : found.n();
    }
}
