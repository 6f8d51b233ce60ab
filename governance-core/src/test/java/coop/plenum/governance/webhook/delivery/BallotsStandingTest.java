package coop.plenum.governance.webhook.delivery;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import coop.plenum.governance.storage.EmbeddedMongoServer;
import coop.plenum.governance.storage.StorageConfiguration.ReadModelDatabase;
import coop.plenum.governance.axon.ReadModelWriteBatching;
import coop.plenum.governance.axon.ReadModelWrites;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.BallotRetracted;
import coop.plenum.governance.tally.Choice;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ballotsStanding} a BALLOT_CAST delivery reports (docs/integrations.md): how many members have a ballot
 * standing, each counted once, exact when the webhook processor handles an event again after a crash.
 */
class BallotsStandingTest {

    @TempDir
    Path dir;

    private EmbeddedMongoServer server;
    private MongoClient client;
    private com.mongodb.reactivestreams.client.MongoClient reactive;
    private ReadModelWrites writes;

    @BeforeEach
    void start() {
        server = EmbeddedMongoServer.start(dir);
        client = MongoClients.create(server.connectionString());
        reactive = com.mongodb.reactivestreams.client.MongoClients.create(server.connectionString());
        writes = new ReadModelWrites(new ReactiveMongoTemplate(reactive, "plenum"));
        writes.batch(new Object(), "policy-webhooks", BallotCast.class, BallotRetracted.class);
    }

    @AfterEach
    void stop() {
        reactive.close();
        client.close();
        server.close();
    }

    private WebhookStore store() {
        return new WebhookStore(client, new ReadModelDatabase("plenum"), writes);
    }

    private static long standing(Document proposal) {
        return proposal.get("ballotsStanding", Number.class).longValue();
    }

    @Test
    void aMemberCountsOnceHoweverOftenTheyRecastAndNotAtAllOnceRetracted() {
        WebhookStore store = store();
        store.proposal("p", "coop", "Title", "PUBLIC");
        assertThat(standing(store.voted("p", "ann", 10).orElseThrow())).isEqualTo(1);
        assertThat(standing(store.voted("p", "bob", 11).orElseThrow())).isEqualTo(2);
        assertThat(standing(store.voted("p", "ann", 12).orElseThrow())).as("a recast").isEqualTo(2);
        store.retracted("p", "bob", 13);
        assertThat(standing(store.proposal("p").orElseThrow())).isEqualTo(1);
        assertThat(standing(store.voted("p", "bob", 14).orElseThrow())).as("a ballot after a retraction").isEqualTo(2);
        store.retracted("p", "cid", 15);
        assertThat(standing(store.proposal("p").orElseThrow())).as("retracting without a ballot").isEqualTo(2);
    }

    @Test
    void anEventHandledAgainCountsOnceEvenAfterACrashBetweenItsTwoWrites() {
        WebhookStore store = store();
        store.proposal("p", "coop", "Title", "PUBLIC");
        store.voted("p", "ann", 10);
        assertThat(standing(store.voted("p", "ann", 10).orElseThrow())).as("handled twice").isEqualTo(1);

        // the voter was written, then the node died before the count: handling the ballot again counts it
        client.getDatabase("plenum").getCollection("webhook_voters")
                .insertOne(new Document("_id", "p|bob").append("standing", true).append("since", 11L));
        assertThat(standing(store.voted("p", "bob", 11).orElseThrow())).isEqualTo(2);
        assertThat(standing(store.voted("p", "bob", 11).orElseThrow())).isEqualTo(2);

        store.retracted("p", "ann", 12);
        store.retracted("p", "ann", 12);
        assertThat(standing(store.proposal("p").orElseThrow())).as("a retraction handled twice").isEqualTo(1);
        // the retraction was written, then the node died before the count
        client.getDatabase("plenum").getCollection("webhook_voters").replaceOne(Filters.eq("_id", "p|bob"),
                new Document("_id", "p|bob").append("standing", false).append("since", 13L));
        store.retracted("p", "bob", 13);
        assertThat(standing(store.proposal("p").orElseThrow())).isZero();
    }

    @Test
    void aBatchOfBallotsWritesItsVotersAndCountAtItsEndAndReportsEachBallotsCountAsIfWrittenOneByOne() {
        WebhookStore store = store();
        store.proposal("p", "coop", "Title", "PUBLIC");
        List<Object> ballots = List.of(cast("ann"), cast("bob"), cast("ann"), retract("bob"), cast("cid"));

        List<Long> reported = projectInOneBatch(store, ballots, 10);
        assertThat(reported).as("ann, bob, ann again, cid").containsExactly(1L, 2L, 2L, 2L);
        assertThat(standing(store.proposal("p").orElseThrow())).isEqualTo(2);

        projectInOneBatch(store, ballots, 10);
        assertThat(standing(store.proposal("p").orElseThrow())).as("the same batch handled again").isEqualTo(2);
        assertThat(projectInOneBatch(store, List.of(cast("bob"), cast("dan")), 20)).as("the next ballots")
                .containsExactly(3L, 4L);
    }

    @Test
    void whileABatchIsHandledNothingIsWrittenUntilItsEnd() {
        WebhookStore store = store();
        store.proposal("p", "coop", "Title", "PUBLIC");
        List<Long> seenInStore = new ArrayList<>();
        project(store, List.of(cast("ann"), cast("bob")), 10, (event, position) -> {
            store.voted("p", ((BallotCast) event).memberId().value(), position);
            Number stored = client.getDatabase("plenum").getCollection("webhook_proposals").find().first().get("ballotsStanding", Number.class);
            seenInStore.add(stored == null ? 0L : stored.longValue());
        });
        assertThat(seenInStore).containsExactly(0L, 0L);
        assertThat(standing(store.proposal("p").orElseThrow())).isEqualTo(2);
    }

    @Test
    void aCountMarkedStaleIsReplacedByTheOneCountedFromTheLogAndTheNextBallotsCountOnTopOfIt() {
        WebhookStore store = store();
        store.proposal("p", "coop", "Title", "PUBLIC");
        store.proposal("q", "other", "Elsewhere", "PUBLIC");
        store.voted("p", "ann", 10);
        store.ballotCountsStale("coop");
        assertThat(store.proposal("p").orElseThrow().getBoolean("stale", false)).isTrue();
        assertThat(store.proposal("q").orElseThrow().getBoolean("stale", false)).as("another cooperative's").isFalse();

        // meanwhile (not kept): bob cast and retracted, cid cast, ann stays
        store.recounted("p", Map.of("ann", true, "bob", false, "cid", true));
        Document recounted = store.proposal("p").orElseThrow();
        assertThat(standing(recounted)).isEqualTo(2);
        assertThat(recounted.containsKey("stale")).isFalse();

        assertThat(standing(store.voted("p", "bob", 20).orElseThrow())).as("bob again").isEqualTo(3);
        assertThat(standing(store.voted("p", "cid", 21).orElseThrow())).as("a recast").isEqualTo(3);
        store.retracted("p", "ann", 22);
        assertThat(standing(store.proposal("p").orElseThrow())).isEqualTo(2);
    }

    private static BallotCast cast(String member) {
        return new BallotCast(new ProposalId("p"), new MemberId(member), Choice.YES, Instant.EPOCH);
    }

    private static BallotRetracted retract(String member) {
        return new BallotRetracted(new ProposalId("p"), new MemberId(member), Instant.EPOCH);
    }

    /** As the webhook processor does with one batch: every ballot through its handler, the writes at the batch's end. */
    private List<Long> projectInOneBatch(WebhookStore store, List<Object> events, long firstPosition) {
        List<Long> reported = new ArrayList<>();
        project(store, events, firstPosition, (event, position) -> {
            if (event instanceof BallotCast cast) {
                reported.add(standing(store.voted("p", cast.memberId().value(), position).orElseThrow()));
            } else {
                store.retracted("p", ((BallotRetracted) event).memberId().value(), position);
            }
        });
        return reported;
    }

    private void project(WebhookStore store, List<Object> events, long firstPosition,
                         java.util.function.BiConsumer<Object, Long> handler) {
        List<TrackedEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            messages.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(firstPosition + i),
                    GenericEventMessage.asEventMessage(events.get(i))));
        }
        ReadModelWriteBatching batching = new ReadModelWriteBatching("policy-webhooks", writes);
        BatchingUnitOfWork<TrackedEventMessage<?>> unit = new BatchingUnitOfWork<>(messages);
        var result = unit.executeWithResult(() -> batching.handle(unit, () -> {
            TrackedEventMessage<?> message = unit.getMessage();
            handler.accept(message.getPayload(), message.trackingToken().position().orElseThrow());
            return null;
        }));
        assertThat(result.optionalExceptionResult()).as("the batch failed").isEmpty();
    }

    @Test
    void votersListedInsideTheProposalByAnOlderStoreMoveToTheirOwnDocumentsAtStartUp() {
        client.getDatabase("plenum").getCollection("webhook_proposals").insertOne(new Document("_id", "p")
                .append("cooperativeId", "coop").append("title", "Title").append("visibility", "PUBLIC")
                .append("voters", List.of("ann", "bob", "cid")));
        WebhookStore store = store();
        Document moved = store.proposal("p").orElseThrow();
        assertThat(moved.containsKey("voters")).isFalse();
        assertThat(standing(moved)).isEqualTo(3);
        assertThat(standing(store.voted("p", "bob", 40).orElseThrow())).as("a recast of a listed voter").isEqualTo(3);
        assertThat(standing(store.voted("p", "dan", 41).orElseThrow())).isEqualTo(4);
        store.retracted("p", "ann", 42);
        assertThat(standing(store().proposal("p").orElseThrow())).as("started again").isEqualTo(3);
    }
}
