package coop.plenum.api.account;

public record AccountCreatedResponse(String accountId) {
}
