package coop.plenum.governance.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A non-unique index on one field, which mongo-java-server's H2 backend does not have (it ignores such indexes and
 * scans the collection). Entries are {@code (value, _id) → position} in an H2 map ordered value first, so the
 * documents with a value are one range of the map. A query with that field equal to a plain value reads that
 * range; the server still matches every document found against the whole query, so other conditions hold.
 * The map lives in the same H2 store as the documents and is committed with them.
 */
final class OrderedSecondaryIndex extends Index<Object> {

    private final MVMap<KeyValue, Object> entries;
    private final String field;

    OrderedSecondaryIndex(MVMap<KeyValue, Object> entries, String name, IndexKey key) {
        super(name, List.of(key), false);
        this.entries = entries;
        this.field = key.getKey();
    }

    @Override
    public Object getPosition(Document document) {
        // the _id index finds a document's position; this one only narrows queries
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing can clash
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        for (KeyValue key : entryKeys(document)) {
            entries.put(key, Missing.ofNullable(position));
        }
    }

    @Override
    public Object remove(Document document) {
        Object position = null;
        for (KeyValue key : entryKeys(document)) {
            Object removed = entries.remove(key);
            position = removed != null ? removed : position;
        }
        return position instanceof Missing ? null : position;
    }

    @Override
    public boolean canHandle(Document query) {
        Object value = query.get(field);
        return value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof UUID;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        Object value = getKeyValues(new Document(field, query.get(field))).iterator().next().get(0);
        List<Object> positions = new ArrayList<>();
        KeyValue from = new KeyValue(value);
        for (var cursor = entries.cursor(from); cursor.hasNext(); ) {
            KeyValue key = cursor.next();
            if (!sameValue(key.get(0), value)) {
                break;
            }
            Object position = cursor.getValue();
            positions.add(position instanceof Missing ? null : position);
        }
        return positions;
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing can clash
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        List<KeyValue> before = entryKeys(oldDocument);
        List<KeyValue> after = entryKeys(newDocument);
        if (!before.equals(after)) {
            before.forEach(entries::remove);
            after.forEach(key -> entries.put(key, Missing.ofNullable(position)));
        }
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public void drop() {
        entries.clear();
    }

    /** One entry per value of the field (several if it holds an array), each made unique by the document's _id. */
    private List<KeyValue> entryKeys(Document document) {
        Object id = document.get("_id");
        List<KeyValue> keys = new ArrayList<>();
        for (KeyValue value : getKeyValues(document)) {
            keys.add(new KeyValue(value.get(0), id));
        }
        if (keys.isEmpty()) {
            // an empty array: still one entry, so that removing the document finds its position here too
            keys.add(new KeyValue(null, id));
        }
        return keys;
    }

    private static boolean sameValue(Object stored, Object queried) {
        if (stored instanceof BigDecimal a && queried instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return java.util.Objects.equals(stored, queried);
    }

    Map<KeyValue, Object> entries() {
        return entries;
    }
}
