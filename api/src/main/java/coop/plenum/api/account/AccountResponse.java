package coop.plenum.api.account;

import java.time.Instant;

public record AccountResponse(String accountId, String username, String displayName, boolean operator, Instant createdAt) {
}
