package coop.plenum.governance.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/** Index keys stored as H2 always stored them, but compared by {@link IndexKeyOrder} instead of by serialized bytes. */
final class IndexKeyType extends BasicDataType<KeyValue> {

    private final ObjectDataType stored = new ObjectDataType();
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
        return stored.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        stored.write(buffer, key);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        return (KeyValue) stored.read(buffer);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
