package coop.plenum.api.account;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** {@code POST /api/v1/accounts/me/tokens}: a personal access token for a script. */
public record IssueAccessTokenRequest(
        @Schema(description = "what the token is for, 1 to 100 characters", example = "nightly export")
        String name,
        @Schema(description = "`read` (GET and HEAD only) or `read-write`", allowableValues = {"read", "read-write"})
        String scope,
        @Schema(description = "optional; in the future and at most 365 days away. Without it the token works until revoked",
                example = "2027-06-30T00:00:00Z", nullable = true)
        Instant expiresAt) {
}
