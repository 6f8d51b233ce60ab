package coop.plenum.governance.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded read-model store answers a query by an indexed field, and by _id among other conditions, exactly as
 * a full scan would: the same documents, after inserts, updates that move a document to another value, deletes
 * and a restart.
 */
class SecondaryIndexTest {

    @TempDir
    Path dir;

    @Test
    void aQueryByAnIndexedFieldFindsExactlyTheDocumentsAScanWould() {
        withSeats(seats -> {
            for (int i = 0; i < 300; i++) {
                seats.insertOne(new Document("_id", "seat-" + i).append("cooperativeId", "coop-" + (i % 7)).append("n", i));
            }
            seats.createIndex(Indexes.ascending("cooperativeId"));
            seats.insertOne(new Document("_id", "seat-late").append("cooperativeId", "coop-3").append("n", 1000));
            seats.insertOne(new Document("_id", "seat-none").append("n", 1001));

            assertThat(ids(seats, Filters.eq("cooperativeId", "coop-3"))).hasSize(44).contains("seat-3", "seat-297", "seat-late");
            assertThat(ids(seats, Filters.and(Filters.eq("cooperativeId", "coop-3"), Filters.gt("n", 290))))
                    .containsExactly("seat-297", "seat-late");
            assertThat(ids(seats, Filters.eq("cooperativeId", "coop-99"))).isEmpty();

            seats.updateOne(Filters.eq("_id", "seat-3"), Updates.set("cooperativeId", "coop-4"));
            seats.deleteOne(Filters.eq("_id", "seat-10"));
            assertThat(ids(seats, Filters.eq("cooperativeId", "coop-3"))).hasSize(42).doesNotContain("seat-3", "seat-10");
            assertThat(ids(seats, Filters.eq("cooperativeId", "coop-4"))).contains("seat-3");
            seats.deleteMany(Filters.eq("cooperativeId", "coop-4"));
            assertThat(ids(seats, Filters.eq("cooperativeId", "coop-4"))).isEmpty();
            assertThat(seats.countDocuments()).isEqualTo(302 - 1 - 44);
        });
        withSeats(seats -> {
            assertThat(ids(seats, Filters.eq("cooperativeId", "coop-3"))).as("after a restart").hasSize(42);
            seats.insertOne(new Document("_id", "seat-after").append("cooperativeId", "coop-3"));
            assertThat(ids(seats, Filters.eq("cooperativeId", "coop-3"))).hasSize(43);
        });
    }

    @Test
    void anUpdateByIdGuardedByAnotherConditionAppliesOnlyWhenTheGuardHolds() {
        withSeats(seats -> {
            for (int i = 0; i < 50; i++) {
                seats.insertOne(new Document("_id", "p-" + i).append("applied", List.of(1L)));
            }
            var first = seats.updateOne(Filters.and(Filters.eq("_id", "p-7"), Filters.ne("applied", 2L)),
                    Updates.combine(Updates.push("applied", 2L), Updates.set("state", "VOTING")));
            var again = seats.updateOne(Filters.and(Filters.eq("_id", "p-7"), Filters.ne("applied", 2L)),
                    Updates.push("applied", 2L));
            assertThat(first.getModifiedCount()).isEqualTo(1);
            assertThat(again.getModifiedCount()).as("a redelivered event changes nothing").isZero();
            assertThat(seats.find(Filters.eq("_id", "p-7")).first().getList("applied", Long.class)).containsExactly(1L, 2L);
            assertThat(seats.find(Filters.eq("_id", "p-8")).first().getList("applied", Long.class)).containsExactly(1L);
        });
    }

    @Test
    void droppingACollectionDropsItsIndexAndANewOneStartsEmpty() {
        withSeats(seats -> {
            seats.createIndex(Indexes.ascending("cooperativeId"));
            seats.insertOne(new Document("_id", "a").append("cooperativeId", "c"));
            seats.drop();
            seats.createIndex(Indexes.ascending("cooperativeId"));
            assertThat(ids(seats, Filters.eq("cooperativeId", "c"))).isEmpty();
            seats.insertOne(new Document("_id", "b").append("cooperativeId", "c"));
            assertThat(ids(seats, Filters.eq("cooperativeId", "c"))).containsExactly("b");
        });
    }

    private static List<String> ids(MongoCollection<Document> seats, org.bson.conversions.Bson filter) {
        List<String> ids = new ArrayList<>();
        seats.find(filter).sort(Sorts.ascending("n")).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    private void withSeats(Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(new ReadModelBackend(dir.resolve("readmodels.mv").toString()));
        String url = "mongodb://127.0.0.1:" + server.bind().getPort();
        try (MongoClient client = MongoClients.create(url)) {
            work.accept(client.getDatabase("plenum").getCollection("seats"));
        } finally {
            server.shutdownNow();
        }
    }
}
