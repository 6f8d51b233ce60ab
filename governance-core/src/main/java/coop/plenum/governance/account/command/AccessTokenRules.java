package coop.plenum.governance.account.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.IssueAccessToken;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.Violation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The rules a personal access token is issued under; each is named after what it protects. */
final class AccessTokenRules {

    static final int MAX_NAME = 100;
    /** A token lives at most a year: a forgotten script's secret should not work forever by accident. */
    static final Duration LONGEST_EXPIRY = Duration.ofDays(365);
    /** Enough for every script a person runs; bounds what one account can add to the login lookup. */
    static final int MAX_LIVE_TOKENS = 100;
    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    private AccessTokenRules() {
    }

    static void onlyTheOwnerManagesTokens(AccountId owner, String actor) {
        if (!owner.value().equals(actor)) {
            throw new NotAllowed("access-token.owner-only", "only the account's owner manages its access tokens");
        }
    }

    static void assertValid(IssueAccessToken command, Instant now) {
        List<Violation> violations = new ArrayList<>();
        nameIsPresentAndShort(command.name(), violations);
        onlyTheSecretsHashIsStored(command.tokenHash(), violations);
        if (command.scope() == null) {
            violations.add(new Violation("scope", "access-token.scope-invalid", "scope is 'read' or 'read-write'"));
        }
        expiryIsInTheFutureAndWithinAYear(command.expiresAt(), now, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    private static void nameIsPresentAndShort(String name, List<Violation> violations) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation("name", "access-token.name-invalid",
                    "name must be 1 to " + MAX_NAME + " characters without control characters"));
        }
    }

    private static void onlyTheSecretsHashIsStored(String hash, List<Violation> violations) {
        if (hash == null || !SHA_256_HEX.matcher(hash).matches()) {
            violations.add(new Violation("tokenHash", "access-token.hash-invalid",
                    "only the lowercase hex SHA-256 of the secret is stored"));
        }
    }

    private static void expiryIsInTheFutureAndWithinAYear(Instant expiresAt, Instant now, List<Violation> violations) {
        if (expiresAt != null && (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(LONGEST_EXPIRY)))) {
            violations.add(new Violation("expiresAt", "access-token.expiry-invalid",
                    "expiresAt is in the future and at most " + LONGEST_EXPIRY.toDays() + " days away"));
        }
    }
}
