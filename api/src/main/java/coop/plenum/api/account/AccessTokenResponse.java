package coop.plenum.api.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A personal access token as its owner sees it. {@code token}, the secret, is present only in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessTokenResponse(String tokenId,
                                  String name,
                                  @Schema(allowableValues = {"read", "read-write"}) String scope,
                                  Instant issuedAt,
                                  Instant expiresAt,
                                  boolean expired,
                                  Instant lastUsedAt,
                                  @Schema(description = "the secret, shown this once: send it as `Authorization: Bearer <token>`")
                                  String token) {
}
