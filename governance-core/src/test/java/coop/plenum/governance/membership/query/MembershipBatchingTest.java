package coop.plenum.governance.membership.query;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import coop.plenum.governance.account.AccountCreated;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.axon.ReadModelWriteBatching;
import coop.plenum.governance.axon.ReadModelWrites;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberAdmitted;
import coop.plenum.governance.membership.MemberClassChanged;
import coop.plenum.governance.membership.MembershipApplied;
import coop.plenum.governance.storage.EmbeddedMongoServer;
import org.axonframework.eventhandling.EventMessage;
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

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of account creations, applications and admissions, each depending on the one before (the application is
 * named after the account created just before it, the admission updates the application's document), leaves the
 * membership read model exactly as handling them one at a time does, in a few store round trips for the whole batch.
 */
class MembershipBatchingTest {

    private static final int APPLICANTS = 30;
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private EmbeddedMongoServer server;
    private MongoClient client;
    private final AtomicInteger commands = new AtomicInteger();

    @BeforeEach
    void start() {
        server = EmbeddedMongoServer.start(dir);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.incrementAndGet();
                    }
                })
                .build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aBatchOfDependentMembershipEventsWritesWhatHandlingThemOneAtATimeWritesInAFewRoundTrips() {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < APPLICANTS; i++) {
            AccountId account = new AccountId("a" + i);
            CooperativeId coop = new CooperativeId("c1");
            MemberId member = new MemberId("m" + i);
            events.add(event(events.size(), new AccountCreated(account, "user" + i, "Name " + i, "hash", false, AT)));
            events.add(event(events.size(), new MembershipApplied(coop, member, account, "worker", AT.plusSeconds(i))));
            events.add(event(events.size(), new MemberAdmitted(coop, member, account, "worker", AT.plusSeconds(1000 + i))));
        }

        Store oneAtATime = new Store("one");
        int start = commands.get();
        events.forEach(e -> oneAtATime.handle(e));
        int oneAtATimeRoundTrips = commands.get() - start;

        Store batched = new Store("batched");
        int before = commands.get();
        ResultMessage<?> result = batched.handleInOneBatch(events);
        int roundTrips = commands.get() - before;

        assertThat(result.isExceptional()).as("the batch was handled").isFalse();
        for (String collection : List.of("directory_names", "members", "seats")) {
            assertThat(batched.documents(collection)).as(collection).hasSize(collection.equals("members") ? APPLICANTS : collection.equals("seats") ? APPLICANTS : APPLICANTS + 1)
                    .isEqualTo(oneAtATime.documents(collection));
        }
        Document admitted = batched.documents("members").get(0);
        assertThat(admitted.getString("displayName")).as("named from the account created earlier in the batch").isEqualTo("Name 0");
        assertThat(admitted.getString("status")).isEqualTo("ACTIVE");
        assertThat(admitted.getList("history", Document.class)).extracting(h -> h.getString("change")).containsExactly("APPLIED", "ADMITTED");
        System.out.printf("%d membership events: %d round trips one at a time, %d in one batch%n", events.size(),
                oneAtATimeRoundTrips, roundTrips);
        assertThat(oneAtATimeRoundTrips).as("one at a time (as outside a batch, or before batching)").isGreaterThanOrEqualTo(2 * events.size());
        assertThat(roundTrips).as("%d events: one name query and a bulk write per collection, not ~3 round trips each", events.size())
                .isLessThanOrEqualTo(6);
    }

    @Test
    void aBatchHandledAgainAfterAFailureAddsNoHistoryTwiceAndATransitionAfterItSeesTheQueuedState() {
        List<TrackedEventMessage<?>> first = List.of(
                event(0, new AccountCreated(new AccountId("a"), "ann", "Ann", "hash", false, AT)),
                event(1, new MembershipApplied(new CooperativeId("c1"), new MemberId("m"), new AccountId("a"), "worker", AT)),
                event(2, new MemberAdmitted(new CooperativeId("c1"), new MemberId("m"), new AccountId("a"), "worker", AT.plusSeconds(5))));
        List<TrackedEventMessage<?>> again = new ArrayList<>(first);
        // a class change carries no status: it takes the one the admission queued earlier in the batch
        again.add(event(3, new MemberClassChanged(new CooperativeId("c1"), new MemberId("m"), new AccountId("a"), "worker", "consumer",
                AT.plusSeconds(9))));

        Store oneAtATime = new Store("one");
        again.forEach(e -> oneAtATime.handle(e));
        Store batched = new Store("batched");
        batched.handleInOneBatch(first);
        batched.handleInOneBatch(again);

        assertThat(batched.documents("members")).isEqualTo(oneAtATime.documents("members"));
        assertThat(batched.documents("members").get(0).getList("history", Document.class))
                .extracting(h -> h.getString("change") + " " + h.getString("status"))
                .containsExactly("APPLIED APPLIED", "ADMITTED ACTIVE", "CLASS_CHANGED ACTIVE");
    }

    /** One read-model database with the projection and the processor's write batching. */
    private final class Store {
        final ReactiveMongoTemplate mongo;
        final MembershipProjection projection;
        final ReadModelWriteBatching batching;

        Store(String database) {
            mongo = new ReactiveMongoTemplate(client, database);
            ReadModelWrites writes = new ReadModelWrites(mongo);
            projection = new MembershipProjection(mongo, writes);
            batching = new ReadModelWriteBatching("readmodel-membership", writes);
            mongo.save(new DirectoryNameDocument(DirectoryNameDocument.cooperative("c1"), "Bakery")).block();
        }

        void handle(EventMessage<?> e) {
            long sequence = ((TrackedEventMessage<?>) e).trackingToken().position().orElseThrow();
            Object payload = e.getPayload();
            if (payload instanceof AccountCreated created) {
                projection.on(created);
            } else if (payload instanceof MembershipApplied applied) {
                projection.on(applied, sequence, "secretary");
            } else if (payload instanceof MemberAdmitted admitted) {
                projection.on(admitted, sequence, "secretary");
            } else if (payload instanceof MemberClassChanged changed) {
                projection.on(changed, sequence, "secretary");
            } else {
                throw new IllegalArgumentException(e.getPayloadType().getName());
            }
        }

        ResultMessage<?> handleInOneBatch(List<TrackedEventMessage<?>> events) {
            BatchingUnitOfWork<TrackedEventMessage<?>> unit = new BatchingUnitOfWork<>(events);
            return unit.executeWithResult(() -> batching.handle(unit, () -> {
                handle(unit.getMessage());
                return null;
            }));
        }

        List<Document> documents(String collection) {
            return mongo.find(new Query().with(org.springframework.data.domain.Sort.by("_id")), Document.class, collection)
                    .collectList().block();
        }
    }

    private static TrackedEventMessage<?> event(long position, Object payload) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position), GenericEventMessage.asEventMessage(payload));
    }
}
