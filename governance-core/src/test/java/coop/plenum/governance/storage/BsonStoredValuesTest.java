package coop.plenum.governance.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The read-model store writes documents and index keys as BSON, and still reads what H2's Java serialization wrote. */
class BsonStoredValuesTest {

    private static final String DOCUMENTS = "databases.plenum.things";

    @TempDir
    Path dir;

    @Test
    void everyValueAReadModelCanHoldReadsBackEqualAfterARestart() {
        List<Document> originals = List.of(
                new Document("_id", "text-id").append("text", "ä — 🗳").append("int", 7).append("long", 7_000_000_000L)
                        .append("double", 0.1).append("decimal", new Decimal128(new BigDecimal("6.200000")))
                        .append("yes", true).append("nothing", null).append("when", new Date(1_764_633_600_123L)),
                new Document("_id", new ObjectId("64b7f0c2a1b2c3d4e5f60718")).append("nested",
                        new Document("a", List.of(1, "two", new Document("three", 3L), List.of()))),
                new Document("_id", 42L).append("uuid", new Binary(BsonBinarySubType.UUID_STANDARD, uuidBytes()))
                        .append("bytes", new Binary(BsonBinarySubType.BINARY, new byte[] {0, 1, (byte) 0xB5, -1})),
                new Document("_id", new Document("cooperativeId", "c1").append("memberId", "m1")).append("n", -1));

        withServer(server(), things -> {
            things.createIndex(Indexes.ascending("text"));
            things.insertMany(originals);
        });
        withServer(server(), things -> {
            assertThat(things.countDocuments()).isEqualTo(originals.size());
            for (Document original : originals) {
                assertThat(things.find(Filters.eq("_id", original.get("_id"))).first()).isEqualTo(original);
            }
            assertThat(things.find(Filters.eq("text", "ä — 🗳")).first()).isEqualTo(originals.get(0));
        });
        assertThat(markedShares()).as("every stored document is BSON").containsOnly(true);
    }

    @Test
    void documentsJavaSerializedByAnEarlierVersionStayReadableAndBecomeBsonWhenTheyChange() {
        withServer(new MongoServer(new H2Backend(file())), things -> {
            things.createIndex(Indexes.ascending("cooperativeId"));
            for (int i = 0; i < 50; i++) {
                things.insertOne(new Document("_id", "p|" + i).append("cooperativeId", "c" + (i % 5)).append("ballots", List.of(i)));
            }
        });
        assertThat(markedShares()).as("the plain backend wrote Java serialization").containsOnly(false);

        withServer(server(), things -> {
            assertThat(things.countDocuments()).isEqualTo(50);
            assertThat(things.countDocuments(Filters.eq("cooperativeId", "c3"))).isEqualTo(10);
            things.updateOne(Filters.eq("_id", "p|3"), Updates.addToSet("ballots", 1000));
        });
        withServer(server(), things -> assertThat(things.find(Filters.eq("_id", "p|3")).first().getList("ballots", Integer.class))
                .containsExactly(3, 1000));

        List<Boolean> marked = markedShares();
        assertThat(marked).hasSize(50).contains(true);
    }

    private static byte[] uuidBytes() {
        return java.util.HexFormat.of().parseHex("52a00609b67145408658738b01126854");
    }

    /** For each stored document, whether it is BSON (true) or Java serialization (false). */
    private List<Boolean> markedShares() {
        List<Boolean> marked = new ArrayList<>();
        try (MVStore store = MVStore.open(file())) {
            MVMap<Object, Object> documents = store.openMap(DOCUMENTS, new MVMap.Builder<Object, Object>().valueType(new Probe(marked)));
            documents.forEach((key, value) -> { });
        }
        return marked;
    }

    private static final class Probe extends BasicDataType<Object> {
        private final List<Boolean> marked;
        private final DocumentType documents = new DocumentType();

        Probe(List<Boolean> marked) {
            this.marked = marked;
        }

        @Override
        public Object read(ByteBuffer buffer) {
            marked.add(BsonStoredValue.isMarked(buffer));
            return documents.read(buffer);
        }

        @Override
        public void write(WriteBuffer buffer, Object value) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public int getMemory(Object value) {
            return 64;
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
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
            work.accept(client.getDatabase("plenum").getCollection("things"));
        } finally {
            server.shutdownNow();
        }
    }
}
