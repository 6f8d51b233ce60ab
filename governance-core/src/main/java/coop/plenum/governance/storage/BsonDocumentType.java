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
    private final MemoryEstimate memory = new MemoryEstimate();

    @Override
    public int getMemory(Document document) {
        return memory.perValue();
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        int start = buffer.position();
        if (writeBson(buffer, document, memory.perValue()) < 0) {
            h2.write(buffer, document);
        }
        memory.seen(buffer.position() - start);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int start = buffer.position();
        Document document = readBson(buffer);
        if (document == null) {
            document = (Document) h2.read(buffer);
        }
        memory.seen(buffer.position() - start);
        return document;
    }

    /**
     * What H2 counts a value as in its cache and when it splits a page, estimated as H2's own type estimates an object
     * it serializes: twice the running average of the sizes written and read, 10,000 bytes until the first.
     */
    static final class MemoryEstimate {

        private volatile int average = 10_000;

        int perValue() {
            return average;
        }

        void seen(int bytes) {
            average = (int) ((2L * bytes + 15L * average) / 16);
        }
    }

    /**
     * Writes the tag and the document as BSON if BSON gives it back exactly, and answers its size; otherwise writes
     * nothing and answers -1.
     */
    static int writeBson(WriteBuffer buffer, Document document, int expectedSize) {
        if (!RoundTrips.exactly(document)) {
            return -1;
        }
        ByteBuf bson = Unpooled.buffer(Math.max(64, Math.min(expectedSize, 1 << 16)));
        try {
            BsonEncoder.encodeDocument(document, bson);
            int size = bson.readableBytes();
            buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), size);
            return size;
        } catch (RuntimeException notEncodable) {
            return -1;
        } finally {
            bson.release();
        }
    }

    /** The document at the buffer's position if it was written by {@link #writeBson}; otherwise null, reading nothing. */
    static Document readBson(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return null;
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
                // comes back as an ArrayList: equal, and a stored document is never changed in place (ReadModelBackend)
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
