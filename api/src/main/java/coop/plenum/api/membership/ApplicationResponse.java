package coop.plenum.api.membership;

public record ApplicationResponse(String memberId) {
}
