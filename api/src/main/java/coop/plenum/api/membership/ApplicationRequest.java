package coop.plenum.api.membership;

/** {@code POST …/applications}: the stakeholder class the applicant asks to join. */
public record ApplicationRequest(String classId) {
}
