package coop.plenum.governance.storage;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

/**
 * How the read-model store writes a value: its BSON bytes behind a marker byte, instead of H2's default Java
 * serialization. Java serialization of mongo-java-server's documents (nested hash maps of strings) was the largest
 * single cost in H2 while ballots were cast, in the page writer and again whenever compaction or a cache miss read
 * a page back (JFR, docs/performance.md); BSON is the form the documents arrived in over the wire, so it carries
 * every type they can hold.
 * <p>
 * Stores written before keep their values as H2 wrote them: H2's own encoding starts with a type tag that is never
 * {@link #MARKER}, so such a value is read as before and rewritten in BSON when it next changes or its chunk is
 * compacted. A value BSON cannot carry (mongo-java-server's internal placeholders) is written the old way.
 */
final class BsonStoredValue {

    /** Not one of H2's {@code ObjectDataType} tags (0–119): what follows is a BSON document. */
    static final byte MARKER = (byte) 0xB5;
    private static final String ARRAY_KEY = "k";

    private final ObjectDataType legacy = new ObjectDataType();

    void writeDocument(WriteBuffer buffer, Document document) {
        ByteBuf bson = encode(document);
        if (bson == null) {
            legacy.write(buffer, document);
        } else {
            writeMarked(buffer, bson);
        }
    }

    Document readDocument(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != MARKER) {
            return (Document) legacy.read(buffer);
        }
        return readMarked(buffer);
    }

    /** A list of values (an index key) as the single array field of a document. */
    void writeValues(WriteBuffer buffer, Collection<?> values, Object asStoredBefore) {
        ByteBuf bson = encode(new Document(ARRAY_KEY, values));
        if (bson == null) {
            legacy.write(buffer, asStoredBefore);
        } else {
            writeMarked(buffer, bson);
        }
    }

    /** The values written by {@link #writeValues}, or null when the stored value is in H2's own encoding. */
    Object readValuesOrLegacy(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != MARKER) {
            return legacy.read(buffer);
        }
        return readMarked(buffer).get(ARRAY_KEY);
    }

    static boolean isMarked(ByteBuffer buffer) {
        return buffer.get(buffer.position()) == MARKER;
    }

    int estimatedMemory(Object value) {
        return 16 + estimate(value, 0);
    }

    private static ByteBuf encode(Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            return bson;
        } catch (IllegalArgumentException notBson) {
            return null;
        }
    }

    private static void writeMarked(WriteBuffer buffer, ByteBuf bson) {
        int length = bson.readableBytes();
        buffer.put(MARKER).putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
    }

    private static Document readMarked(ByteBuffer buffer) {
        buffer.get();
        int length = org.h2.mvstore.DataUtils.readVarInt(buffer);
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    /** A rough size on the heap, as H2 asks of every value to size its cache and its unsaved-changes buffer. */
    private static int estimate(Object value, int depth) {
        if (depth > 100) {
            return 64;
        }
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 32 + estimate(entry.getKey(), depth + 1) + estimate(entry.getValue(), depth + 1);
            }
            return size;
        }
        if (value instanceof Collection<?> items) {
            int size = 40;
            for (Object item : items) {
                size += 8 + estimate(item, depth + 1);
            }
            return size;
        }
        if (value instanceof String text) {
            return 40 + text.length();
        }
        return 24;
    }
}
