package coop.plenum.web;

import coop.plenum.kernel.Violation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Refusal messages by the field they name, for a form that shows each next to its field. The charter's rules name
 * fields under {@code charter.}, and a submitted amendment's under {@code effect.charter.}; the form names them
 * without either.
 */
record FieldErrors(Map<String, List<String>> byField) {

    static final FieldErrors NONE = new FieldErrors(Map.of());

    /** The violations by field, each said in the reader's language ({@link RefusalWords}). */
    static FieldErrors of(List<Violation> violations, Words words) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (Violation v : violations) {
            String field = v.field() == null ? "" : v.field().replaceFirst("^effect\\.", "").replaceFirst("^charter\\.?", "");
            byField.merge(field.isEmpty() ? "charter" : field, List.of(RefusalWords.say(v, words)),
                    (a, b) -> Stream.concat(a.stream(), b.stream()).distinct().toList());
        }
        return new FieldErrors(byField);
    }

    // public for the templates
    public List<String> of(String field) {
        return byField.getOrDefault(field, List.of());
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    /** Every message, for the summary at the top of the form. */
    public List<String> all() {
        return byField.values().stream().flatMap(List::stream).distinct().toList();
    }
}
