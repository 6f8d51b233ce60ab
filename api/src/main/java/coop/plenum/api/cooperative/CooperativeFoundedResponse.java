package coop.plenum.api.cooperative;

public record CooperativeFoundedResponse(String cooperativeId) {
}
