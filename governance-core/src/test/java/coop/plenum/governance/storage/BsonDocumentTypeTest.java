package coop.plenum.governance.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.bson.types.Binary;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class BsonDocumentTypeTest {

    @TempDir
    Path dir;

    @Test
    void aDocumentOfEveryWireTypeIsWrittenAsBsonAndReadBackEqualWithTheSameClasses() {
        Document document = everyType();

        ByteBuffer written = write(document);

        assertThat(written.get(0)).as("written as BSON").isEqualTo(BsonDocumentType.BSON);
        Document back = new BsonDocumentType().read(written);
        assertThat(back).isEqualTo(document);
        assertSameClasses(back, document);
        assertThat(written.remaining()).as("the whole value was read").isZero();
    }

    @Test
    void aDocumentBsonWouldChangeIsWrittenH2sWayAndReadBackExactly() {
        Map<String, Object> plainMap = new LinkedHashMap<>(Map.of("k", 1));
        List<Document> changed = List.of(
                new Document("at", Instant.parse("2026-12-03T10:00:00.000000001Z")),
                new Document("small", (short) 3),
                new Document("exact", new BigDecimal("0.1")),
                new Document("nested", plainMap),
                new Document("deep", new Document("list", List.of(new Document("f", 1.5f)))));

        for (Document document : changed) {
            ByteBuffer written = write(document);
            assertThat(written.get(0)).as("%s is not written as BSON", document).isNotEqualTo(BsonDocumentType.BSON);
            Document back = new BsonDocumentType().read(written);
            assertThat(back).isEqualTo(document);
            assertSameClasses(back, document);
        }
    }

    @Test
    void valuesOfTheTwoFormsFollowEachOtherInOnePage() {
        BsonDocumentType type = new BsonDocumentType();
        WriteBuffer buffer = new WriteBuffer();
        Document bson = new Document("_id", "a").append("n", 1);
        Document h2 = new Document("_id", "b").append("small", (short) 2);
        type.write(buffer, bson);
        type.write(buffer, h2);
        type.write(buffer, bson);
        ByteBuffer page = buffer.getBuffer().flip();

        assertThat(List.of(type.read(page), type.read(page), type.read(page))).containsExactly(bson, h2, bson);
        assertThat(page.remaining()).isZero();
    }

    @Test
    void indexKeysAreWrittenAsBsonUnlessTheyHoldAMissingFieldOrANullAndKeysOfBothFormsReadBackEqual() {
        IndexKeyType type = new IndexKeyType();
        List<KeyValue> keys = List.of(new KeyValue("proposal|1"), new KeyValue(42L, "m-7"), new KeyValue(new Document("a", 1)),
                new KeyValue(Missing.getInstance()), new KeyValue((Object) null));
        for (KeyValue key : keys) {
            WriteBuffer buffer = new WriteBuffer();
            type.write(buffer, key);
            ByteBuffer written = buffer.getBuffer().flip();
            boolean missing = key.get(0) instanceof Missing || key.get(0) == null;
            assertThat(written.get(0) == BsonDocumentType.BSON).as("%s written as BSON", key).isEqualTo(!missing);
            KeyValue back = type.read(written);
            if (!missing) {
                // (a Missing read back from Java serialization is another instance, unequal to the one written, as before)
                assertThat(back).isEqualTo(key);
            }
            assertThat(written.remaining()).isZero();
        }

        WriteBuffer h2Written = new WriteBuffer();
        new ObjectDataType().write(h2Written, new KeyValue("written-before"));
        assertThat(type.read(h2Written.getBuffer().flip())).isEqualTo(new KeyValue("written-before"));
    }

    @Test
    void aValueIsCountedAsTwiceTheSizeOfWhatIsWrittenAndReadNotAsH2sStartingGuess() {
        BsonDocumentType documents = new BsonDocumentType();
        IndexKeyType keys = new IndexKeyType();
        Document small = new Document("_id", "proposal|1").append("n", 1);
        KeyValue key = new KeyValue("proposal|1");
        for (int i = 0; i < 200; i++) {
            documents.write(new WriteBuffer(), small);
            keys.write(new WriteBuffer(), key);
        }
        int documentSize = write(small).remaining();

        // H2 splits a page and fills its cache by these estimates: stuck at 10,000 bytes, a page would hold one value
        assertThat(documents.getMemory(small)).isBetween(2 * documentSize - 2, 2 * documentSize + 16);
        assertThat(keys.getMemory(key)).isLessThan(200);

        BsonDocumentType reader = new BsonDocumentType();
        for (int i = 0; i < 200; i++) {
            reader.read(write(small));
        }
        assertThat(reader.getMemory(small)).as("what is read counts too").isBetween(2 * documentSize - 2, 2 * documentSize + 16);
    }

    @Test
    void aStoreWrittenByThePlainBackendReadsBackAndKeepsEveryDocumentAcrossRewritesAndRestarts() {
        String file = dir.resolve("readmodels.mv").toString();
        withCollection(new MongoServer(new H2Backend(file)), ballots -> {
            for (int i = 0; i < 400; i++) {
                ballots.insertOne(new org.bson.Document("_id", "d" + i).append("n", i).append("tags", List.of("x", "y" + i))
                        .append("at", new Date(1_764_000_000_000L + i)).append("sub", new org.bson.Document("v", (long) i)));
            }
        });

        withCollection(new MongoServer(new ReadModelBackend(file)), ballots -> {
            assertThat(ballots.countDocuments()).isEqualTo(400);
            for (int i = 0; i < 400; i += 2) {
                ballots.updateOne(Filters.eq("_id", "d" + i), Updates.combine(Updates.inc("n", 1000), Updates.push("tags", "z")));
            }
        });

        withCollection(new MongoServer(new ReadModelBackend(file)), ballots -> {
            for (int i = 0; i < 400; i++) {
                org.bson.Document read = ballots.find(Filters.eq("_id", "d" + i)).first();
                boolean updated = i % 2 == 0;
                assertThat(read.getInteger("n")).isEqualTo(updated ? i + 1000 : i);
                assertThat(read.getList("tags", String.class)).isEqualTo(updated ? List.of("x", "y" + i, "z") : List.of("x", "y" + i));
                assertThat(read.getDate("at")).isEqualTo(new Date(1_764_000_000_000L + i));
                assertThat(read.get("sub", org.bson.Document.class).getLong("v")).isEqualTo(i);
            }
        });
    }

    @Test
    void everyBsonTypeSentOverTheWireReadsBackTheSameAfterARestart() {
        String file = dir.resolve("readmodels.mv").toString();
        org.bson.Document sent = new org.bson.Document("_id", new org.bson.types.ObjectId())
                .append("s", "plenum ✓").append("i", 7).append("l", 7L).append("d", 0.5)
                .append("dec", org.bson.types.Decimal128.parse("123.4500")).append("b", true).append("nil", null)
                .append("at", new Date(1_764_000_000_123L)).append("bin", new Binary(new byte[]{1, 2, 3}))
                .append("uuid", new Binary((byte) 4, new byte[]{15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0}))
                .append("list", List.of(1, "two", new org.bson.Document("three", 3)))
                .append("doc", new org.bson.Document("a", new org.bson.Document("b", List.of())));
        withCollection(new MongoServer(new ReadModelBackend(file)), docs -> docs.insertOne(sent));

        withCollection(new MongoServer(new ReadModelBackend(file)),
                docs -> assertThat(docs.find().first()).isEqualTo(sent));
    }

    private static Document everyType() {
        List<Object> list = new ArrayList<>(List.of(1, "two", new Document("three", 3L)));
        return new Document("_id", "proposal|1").append("id", new ObjectId()).append("text", "grüße ✓")
                .append("int", 42).append("long", 1L << 40).append("double", 2.5).append("yes", Boolean.TRUE)
                .append("nothing", null).append("dec", Decimal128.ONE).append("at", Instant.ofEpochMilli(1_764_000_000_123L))
                .append("ts", new BsonTimestamp(12345L)).append("max", MaxKey.getInstance()).append("min", MinKey.getInstance())
                .append("bin", new BinData(new byte[]{0, 1, 2})).append("list", list)
                .append("nested", new Document("electorate", new ArrayList<>(List.of(new Document("memberId", "m1")
                        .append("power", "1/3")))));
    }

    private static ByteBuffer write(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        new BsonDocumentType().write(buffer, document);
        return buffer.getBuffer().flip();
    }

    private static void assertSameClasses(Object back, Object original) {
        if (original == null) {
            assertThat(back).isNull();
            return;
        }
        assertThat(back).isInstanceOf(original instanceof List ? List.class : original.getClass());
        if (original instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                assertSameClasses(((Map<?, ?>) back).get(entry.getKey()), entry.getValue());
            }
        } else if (original instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                assertSameClasses(((List<?>) back).get(i), list.get(i));
            }
        }
    }

    private static void withCollection(MongoServer server, Consumer<MongoCollection<org.bson.Document>> work) {
        String url = "mongodb://127.0.0.1:" + server.bind().getPort();
        try (MongoClient client = MongoClients.create(url)) {
            work.accept(client.getDatabase("plenum").getCollection("docs"));
        } finally {
            server.shutdownNow();
        }
    }
}
