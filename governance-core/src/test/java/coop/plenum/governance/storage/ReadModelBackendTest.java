package coop.plenum.governance.storage;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadModelBackendTest {

    private static final String INDEX = "plenum.ballots._index__id_";

    @TempDir
    Path dir;

    @Test
    void aStoreWrittenByThePlainBackendIsConvertedOnFirstOpenAndKeepsEveryDocumentFindableAndUnique() {
        withServer(new MongoServer(new H2Backend(file())), ballots -> {
            for (int i = 0; i < 500; i++) {
                ballots.insertOne(new Document("_id", "ballot-" + i).append("n", i));
            }
            ballots.insertOne(new Document("_id", 42L).append("n", "a number key"));
        });

        withServer(server(), ballots -> {
            assertThat(ballots.countDocuments()).isEqualTo(501);
            for (int i = 0; i < 500; i++) {
                assertThat(ballots.find(Filters.eq("_id", "ballot-" + i)).first()).containsEntry("n", i);
            }
            assertThat(ballots.find(Filters.eq("_id", 42L)).first()).containsEntry("n", "a number key");
            assertThatThrownBy(() -> ballots.insertOne(new Document("_id", "ballot-7")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            ballots.updateOne(Filters.eq("_id", "ballot-7"), Updates.set("n", -7), new UpdateOptions().upsert(true));
            assertThat(ballots.countDocuments()).isEqualTo(501);
        });

        try (MVStore store = MVStore.open(file())) {
            assertThat(store.hasMap(INDEX)).as("the plain index map is gone once converted").isFalse();
            assertThat(store.hasMap(INDEX + ".ordered")).isTrue();
        }
        withServer(server(), ballots -> assertThat(ballots.find(Filters.eq("_id", "ballot-7")).first()).containsEntry("n", -7));
    }

    @Test
    void aConversionInterruptedBeforeTheOldIndexWasRemovedIsRedoneFromTheOldIndex() {
        withServer(new MongoServer(new H2Backend(file())), ballots -> {
            for (int i = 0; i < 100; i++) {
                ballots.insertOne(new Document("_id", "ballot-" + i));
            }
        });
        // as a crash leaves it: the ordered map partly filled, the plain one still there
        try (MVStore store = MVStore.open(file())) {
            store.openMap(INDEX + ".ordered", new org.h2.mvstore.MVMap.Builder<de.bwaldvogel.mongo.backend.KeyValue, Object>()
                    .keyType(new IndexKeyType())).put(new de.bwaldvogel.mongo.backend.KeyValue("stale"), 999L);
            store.commit();
        }

        withServer(server(), ballots -> {
            assertThat(ballots.countDocuments()).isEqualTo(100);
            ballots.insertOne(new Document("_id", "stale"));
            assertThat(ballots.find(Filters.eq("_id", "ballot-99")).first()).isNotNull();
        });
    }

    @Test
    void upsertsByIdFindTheDocumentTheyCreatedAcrossARestart() {
        withServer(server(), ballots -> {
            for (int i = 0; i < 300; i++) {
                ballots.updateOne(Filters.eq("_id", "p|" + (i % 30)), Updates.addToSet("entries", i), new UpdateOptions().upsert(true));
            }
        });
        withServer(server(), ballots -> {
            assertThat(ballots.countDocuments()).isEqualTo(30);
            ballots.updateOne(Filters.eq("_id", "p|3"), Updates.addToSet("entries", 1000), new UpdateOptions().upsert(true));
            assertThat(ballots.countDocuments()).isEqualTo(30);
            assertThat(ballots.find(Filters.eq("_id", "p|3")).first().getList("entries", Integer.class)).hasSize(11);
        });
    }

    /**
     * H2's background writer serializes stored documents without the collection's lock; an update that changed the
     * stored object's fields while it was being written failed the writer, and H2 then closed the whole store.
     */
    @Test
    void updatesNeverChangeAStoredDocumentInPlaceSoH2CanWriteItOutWhileTheyRun() {
        ReadModelBackend backend = new ReadModelBackend(file());
        withServer(new MongoServer(backend), ballots -> {
            ballots.insertOne(new Document("_id", "p").append("a", 1).append("b", 2));
            ballots.insertOne(new Document("_id", "q").append("a", 1));
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> stored = backend.getMvStore().openMap("databases.plenum.ballots");
            de.bwaldvogel.mongo.bson.Document p = stored.get("p");
            de.bwaldvogel.mongo.bson.Document q = stored.get("q");
            de.bwaldvogel.mongo.bson.Document pBefore = p.cloneDeeply();
            de.bwaldvogel.mongo.bson.Document qBefore = q.cloneDeeply();

            ballots.updateOne(Filters.eq("_id", "p"), Updates.combine(Updates.unset("a"), Updates.set("c", 3)));
            ballots.updateMany(Filters.in("_id", "p", "q"), Updates.set("b", 20));
            ballots.findOneAndUpdate(Filters.eq("_id", "q"), Updates.combine(Updates.unset("a"), Updates.push("d", 4)));
            ballots.replaceOne(Filters.eq("_id", "p"), new Document("e", 5));

            assertThat(p).as("the object H2 may be writing out").isEqualTo(pBefore);
            assertThat(q).as("the object H2 may be writing out").isEqualTo(qBefore);
            assertThat(ballots.find(Filters.eq("_id", "p")).first()).isEqualTo(new Document("_id", "p").append("e", 5));
            assertThat(ballots.find(Filters.eq("_id", "q")).first())
                    .isEqualTo(new Document("_id", "q").append("b", 20).append("d", java.util.List.of(4)));
        });
    }

    private MongoServer server() {
        return new MongoServer(new ReadModelBackend(file()));
    }

    private String file() {
        return dir.resolve("readmodels.mv").toString();
    }

    private static void withServer(MongoServer server, Consumer<MongoCollection<Document>> work) {
        String url = "mongodb://127.0.0.1:" + server.bind().getPort();
        try (MongoClient client = MongoClients.create(url)) {
            work.accept(client.getDatabase("plenum").getCollection("ballots"));
        } finally {
            server.shutdownNow();
        }
    }
}
