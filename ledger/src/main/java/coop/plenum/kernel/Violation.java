package coop.plenum.kernel;

/** One broken input rule: the path of the offending field (e.g. {@code charter.classes[1].weight}), a stable code and a sentence. */
public record Violation(String field, String code, String message) {
}
