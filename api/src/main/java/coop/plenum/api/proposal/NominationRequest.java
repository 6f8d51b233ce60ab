package coop.plenum.api.proposal;

/** {@code POST …/proposals/{p}/candidates}: the member nominated; your own member id to stand yourself. */
public record NominationRequest(String memberId) {
}
