package coop.plenum.governance.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Index keys compared by {@link IndexKeyOrder} instead of by serialized bytes, and written as BSON
 * ({@link BsonDocumentType}) where BSON gives them back exactly; a key H2 wrote before, or one holding a value BSON
 * has not (a missing field, a null), is H2's own encoding, read and written by H2's own type.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    private static final String VALUES = "k";

    private final ObjectDataType stored = new ObjectDataType();
    private final BsonDocumentType.MemoryEstimate memory = new BsonDocumentType.MemoryEstimate();
    private final IndexKeyOrder order = new IndexKeyOrder();
    private final boolean lexicographic;

    /** For unique indexes. */
    IndexKeyType() {
        this(false);
    }

    private IndexKeyType(boolean lexicographic) {
        this.lexicographic = lexicographic;
    }

    /** For secondary indexes, whose entries for one value are found from that value. */
    static IndexKeyType lexicographic() {
        return new IndexKeyType(true);
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        return lexicographic ? order.lexicographic(a, b) : order.compare(a, b);
    }

    @Override
    public int getMemory(KeyValue key) {
        return memory.perValue();
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        int start = buffer.position();
        List<Object> values = new ArrayList<>(key.size());
        key.forEach(values::add);
        // a null in a key does not come back equal from a list (KeyValue compares it as its own kind): H2's way
        if (values.contains(null) || BsonDocumentType.writeBson(buffer, new Document(VALUES, values), 64) < 0) {
            stored.write(buffer, key);
        }
        memory.seen(buffer.position() - start);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int start = buffer.position();
        Document bson = BsonDocumentType.readBson(buffer);
        KeyValue key = bson != null ? new KeyValue((List<?>) bson.get(VALUES)) : (KeyValue) stored.read(buffer);
        memory.seen(buffer.position() - start);
        return key;
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
