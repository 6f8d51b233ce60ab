package coop.plenum.api.account;

import java.time.Instant;

/** The signed-in account; {@code timeZone}, {@code language} and {@code email} are null until set. */
public record AccountResponse(String accountId, String username, String displayName, boolean operator, Instant createdAt,
                              String timeZone, String language, String email) {
}
