package coop.plenum.api.proposal;

/** {@code PUT …/proposals/{p}/outcome-statement}: 1 to 4,000 characters, newlines kept. */
record OutcomeStatementRequest(String statement) {
}
