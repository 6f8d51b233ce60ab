package coop.plenum.governance.webhook.delivery;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import coop.plenum.governance.storage.EmbeddedMongoServer;
import coop.plenum.governance.storage.StorageConfiguration.ReadModelDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

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

    @BeforeEach
    void start() {
        server = EmbeddedMongoServer.start(dir);
        client = MongoClients.create(server.connectionString());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private WebhookStore store() {
        return new WebhookStore(client, new ReadModelDatabase("plenum"));
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
