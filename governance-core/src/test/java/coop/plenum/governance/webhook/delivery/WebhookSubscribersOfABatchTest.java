package coop.plenum.governance.webhook.delivery;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import coop.plenum.governance.storage.EmbeddedMongoServer;
import coop.plenum.governance.storage.StorageConfiguration.ReadModelDatabase;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook processor reads a cooperative's webhooks once per batch of events, and still judges every event by the
 * webhooks as the events before it in the batch left them.
 */
class WebhookSubscribersOfABatchTest {

    @TempDir
    Path dir;

    private EmbeddedMongoServer server;
    private MongoClient client;
    private WebhookStore store;
    private com.mongodb.reactivestreams.client.MongoClient reactive;

    @BeforeEach
    void start() {
        server = EmbeddedMongoServer.start(dir);
        client = MongoClients.create(server.connectionString());
        reactive = com.mongodb.reactivestreams.client.MongoClients.create(server.connectionString());
        store = new WebhookStore(client, new ReadModelDatabase("plenum"),
                new coop.plenum.governance.axon.ReadModelWrites(new org.springframework.data.mongodb.core.ReactiveMongoTemplate(reactive, "plenum")));
    }

    @AfterEach
    void stop() {
        reactive.close();
        client.close();
        server.close();
    }

    @Test
    void aWebhookRegisteredPausedOrDeletedInTheBatchCountsForTheEventsAfterItInThatBatch() {
        List<List<String>> seen = new ArrayList<>();
        inBatch(6, position -> {
            switch (position.intValue()) {
                case 2 -> store.registered("w1", "coop", "https://example.org/a", List.of("ballot.cast"), Instant.EPOCH, position);
                case 4 -> store.enabled("w1", false, position);
                case 5 -> store.enabled("w1", true, position);
                default -> seen.add(ids(store.subscribers("coop", "ballot.cast", position)));
            }
        });

        assertThat(seen).as("before the registration, after it, and after the pause ended")
                .containsExactly(List.of(), List.of("w1"), List.of("w1"));
    }

    @Test
    void withinABatchTheWebhooksAreReadOnceAndAChangeNotMadeByTheProcessorIsLeftForTheNextBatch() {
        store.registered("w1", "coop", "https://example.org/a", List.of("ballot.cast"), Instant.EPOCH, 1);
        List<List<String>> seen = new ArrayList<>();
        inBatch(3, position -> {
            seen.add(ids(store.subscribers("coop", "ballot.cast", 10 + position)));
            // only the webhook processor's own handlers change webhooks; a write behind its back is not re-read
            client.getDatabase("plenum").getCollection("webhook_endpoints").insertOne(new Document("_id", "w" + (position + 1))
                    .append("cooperativeId", "coop").append("kinds", List.of("ballot.cast")).append("since", 0L));
        });
        assertThat(seen).containsExactly(List.of("w1"), List.of("w1"), List.of("w1"));

        assertThat(ids(store.subscribers("coop", "ballot.cast", 20))).as("read afresh outside that batch")
                .containsExactlyInAnyOrder("w1", "w2", "w3", "w4");
    }

    private static List<String> ids(List<Document> endpoints) {
        return endpoints.stream().map(d -> d.getString("_id")).toList();
    }

    private static void inBatch(int events, Consumer<Long> handler) {
        List<TrackedEventMessage<?>> messages = new ArrayList<>();
        for (long position = 1; position <= events; position++) {
            messages.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                    GenericEventMessage.asEventMessage("event " + position)));
        }
        BatchingUnitOfWork<TrackedEventMessage<?>> unit = new BatchingUnitOfWork<>(messages);
        unit.executeWithResult(() -> {
            handler.accept(((TrackedEventMessage<?>) unit.getMessage()).trackingToken().position().orElseThrow());
            return null;
        });
    }
}
