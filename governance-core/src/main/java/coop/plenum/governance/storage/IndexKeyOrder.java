package coop.plenum.governance.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

/**
 * The order of a unique index's keys in the read-model store, computed from the values themselves.
 * <p>
 * H2's generic {@link ObjectDataType} cannot compare a mongo-java-server {@link KeyValue} (it is not
 * {@link Comparable}), so it Java-serializes both keys on every comparison of every B-tree search: profiled during a
 * read-model catch-up, that was ~60 % of the MongoDB-wire server's CPU, every upsert and lookup by {@code _id} paying
 * some twenty serializations. Keys are compared here element by element: values of the common key types (strings,
 * numbers as mongo-java-server normalizes them, booleans, UUIDs, dates) by their natural order, which for these
 * types agrees with {@code equals}; values of different classes by class name; any other value as before, by its
 * serialized bytes, so two keys are the same index entry exactly when they were before.
 */
final class IndexKeyOrder {

    private static final Set<Class<?>> NATURALLY_ORDERED = Set.of(String.class, Double.class, Long.class, Integer.class,
            Boolean.class, UUID.class, Instant.class, Date.class);

    private final ObjectDataType serialized = new ObjectDataType();

    int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        int sizes = Integer.compare(a.size(), b.size());
        if (sizes != 0) {
            return sizes;
        }
        for (int i = 0; i < a.size(); i++) {
            int values = compareValues(a.get(i), b.get(i));
            if (values != 0) {
                return values;
            }
        }
        return 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compareValues(Object x, Object y) {
        if (x == y) {
            return 0;
        }
        if (x == null || y == null) {
            return x == null ? -1 : 1;
        }
        if (x.getClass() != y.getClass()) {
            return x.getClass().getName().compareTo(y.getClass().getName());
        }
        if (NATURALLY_ORDERED.contains(x.getClass())) {
            return ((Comparable) x).compareTo(y);
        }
        return serialized.compare(x, y);
    }
}
