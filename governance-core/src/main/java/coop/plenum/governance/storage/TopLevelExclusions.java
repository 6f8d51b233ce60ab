package coop.plenum.governance.storage;

import de.bwaldvogel.mongo.bson.Document;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A query projection that only leaves out whole top-level fields, and a document without them. */
final class TopLevelExclusions {

    private TopLevelExclusions() {
    }

    /**
     * The fields {@code fieldSelector} leaves out, when that is all it does: every entry a top-level field other than
     * the id, set to 0 or false. Empty for anything else (no projection, an inclusion, a dotted path, {@code $slice},
     * {@code $elemMatch}, the id left out), which the store projects its own way.
     */
    static Set<String> of(Document fieldSelector, String idField) {
        if (fieldSelector == null || fieldSelector.isEmpty()) {
            return Set.of();
        }
        Set<String> left = new LinkedHashSet<>();
        for (Map.Entry<String, Object> field : fieldSelector.entrySet()) {
            String name = field.getKey();
            if (name.equals(idField) || name.contains(".") || name.startsWith("$") || !excluded(field.getValue())) {
                return Set.of();
            }
            left.add(name);
        }
        return left;
    }

    private static boolean excluded(Object value) {
        if (value instanceof Boolean flag) {
            return !flag;
        }
        if (value instanceof Number number) {
            return number.doubleValue() == 0;
        }
        return false;
    }

    /** A shallow copy of the document, in its field order, without the named fields. */
    static Document without(Document document, Set<String> left) {
        Document copy = new Document();
        for (Map.Entry<String, Object> field : document.entrySet()) {
            if (!left.contains(field.getKey())) {
                copy.put(field.getKey(), field.getValue());
            }
        }
        return copy;
    }
}
