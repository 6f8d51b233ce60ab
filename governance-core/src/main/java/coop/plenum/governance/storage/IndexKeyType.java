package coop.plenum.governance.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import java.util.List;

import java.nio.ByteBuffer;

/** Index keys stored as BSON ({@link BsonStoredValue}; those written before as H2 wrote them), compared by {@link IndexKeyOrder} instead of by serialized bytes. */
final class IndexKeyType extends BasicDataType<KeyValue> {

    private final BsonStoredValue stored = new BsonStoredValue();
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
        return stored.estimatedMemory(key.stream().toList());
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        stored.writeValues(buffer, key.stream().toList(), key);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        Object read = stored.readValuesOrLegacy(buffer);
        return read instanceof KeyValue legacy ? legacy : new KeyValue((List<?>) read);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
