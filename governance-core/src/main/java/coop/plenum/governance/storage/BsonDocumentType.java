package coop.plenum.governance.storage;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The read-model documents as H2 writes them into its pages: as BSON, the form they arrive in over the wire, instead
 * of the Java serialization H2's default type falls back to for any object it does not know. Java serialization was
 * H2's single largest cost while ballots were cast (its serialization thread spent 13 % of all the JVM's samples in
 * {@code ObjectOutputStream}, and the server's workers more reading pages back; docs/performance.md).
 * <p>
 * Each value starts with a tag. A document written as BSON starts with {@link #BSON}, a byte H2's own type never
 * writes first; anything else is H2's own encoding and is read by H2's own type. So a store written before reads
 * back as it was, and each page changes to BSON the next time H2 writes it. A document BSON would not give back
 * exactly (a number type the wire has not, an instant finer than a millisecond, a key BSON cannot hold) is still
 * written H2's way, so nothing written is ever read back different.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final byte BSON = (byte) 0xB5;

    private final ObjectDataType h2 = new ObjectDataType();
    /** As H2's serialized-object type estimates memory: a running average of the written sizes. */
    private volatile int averageSize = 10_000;

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        if (!RoundTrips.exactly(document)) {
            h2.write(buffer, document);
            return;
        }
        ByteBuf bson = Unpooled.buffer(Math.min(averageSize, 1 << 16));
        try {
            try {
                BsonEncoder.encodeDocument(document, bson);
            } catch (RuntimeException notEncodable) {
                h2.write(buffer, document);
                return;
            }
            int size = bson.readableBytes();
            buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), size);
            averageSize = (size + 15 * averageSize) / 16;
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) h2.read(buffer);
        }
        int start = buffer.position() + 1;
        int size = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start);
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start, size)));
        buffer.position(start + size);
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** Whether BSON gives a document back equal, with every value of the same class. */
    static final class RoundTrips {

        private RoundTrips() {
        }

        static boolean exactly(Document document) {
            return map(document, 0);
        }

        private static boolean map(Map<?, ?> map, int depth) {
            if (depth > 100) {
                return false;
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key) || key.indexOf('\0') >= 0 || !value(entry.getValue(), depth)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean value(Object value, int depth) {
            if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                    || value instanceof Double || value instanceof Boolean || value instanceof ObjectId
                    || value instanceof Decimal128 || value instanceof BsonTimestamp || value instanceof MaxKey
                    || value instanceof MinKey) {
                return true;
            }
            if (value instanceof Document nested) {
                return map(nested, depth + 1);
            }
            if (value instanceof List<?> list) {
                // comes back as an ArrayList: equal, and mongo-java-server copies a document before it changes it
                return list(list, depth + 1);
            }
            if (value instanceof Instant instant) {
                return instant.getNano() % 1_000_000 == 0;
            }
            if (value instanceof BinData || value instanceof UUID || value instanceof LegacyUUID) {
                return binary(value);
            }
            return value instanceof BsonRegularExpression || value instanceof BsonJavaScript;
        }

        private static boolean list(List<?> list, int depth) {
            if (depth > 100) {
                return false;
            }
            for (Object element : list) {
                if (!value(element, depth)) {
                    return false;
                }
            }
            return true;
        }

        /** A binary value is decoded by its BSON subtype: check that it comes back as the class it went in as. */
        private static boolean binary(Object value) {
            ByteBuf bson = Unpooled.buffer(64);
            try {
                BsonEncoder.encodeDocument(new Document("v", value), bson);
                Object back = BsonDecoder.decodeBson(bson).get("v");
                return back != null && back.getClass() == value.getClass() && back.equals(value);
            } catch (RuntimeException e) {
                return false;
            } finally {
                bson.release();
            }
        }
    }
}
