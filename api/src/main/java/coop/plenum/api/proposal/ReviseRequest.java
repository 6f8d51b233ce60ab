package coop.plenum.api.proposal;

/** {@code PUT …/proposals/{p}}: the author's new title and body (deliberation only). */
public record ReviseRequest(String title, String body) {
}
