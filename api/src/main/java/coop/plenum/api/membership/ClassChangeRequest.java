package coop.plenum.api.membership;

/** {@code PUT …/members/{m}/class}. */
public record ClassChangeRequest(String classId) {
}
