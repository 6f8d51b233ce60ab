package coop.plenum.api.account;

import coop.plenum.api.security.AccessTokenSecret;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.governance.account.AccessTokenId;
import coop.plenum.governance.account.AccessTokenScope;
import coop.plenum.governance.account.IssueAccessToken;
import coop.plenum.governance.account.RevokeAccessToken;
import coop.plenum.governance.account.login.AccessTokenListing;
import coop.plenum.governance.account.login.AccessTokens;
import coop.plenum.kernel.IdGenerator;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

@RestController
@RequestMapping("/api/v1/accounts/me/tokens")
@Tag(name = "Access tokens", description = "Personal access tokens for scripts: `Authorization: Bearer <token>` instead of "
        + "a password. Managed with your password (HTTP Basic) only; a token cannot manage tokens.")
class AccessTokenController {

    private final Commands commands;
    private final AccessTokens tokens;
    private final IdGenerator ids;
    private final Clock clock;

    AccessTokenController(Commands commands, AccessTokens tokens, IdGenerator ids, Clock clock) {
        this.commands = commands;
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Create a personal access token; the secret is in this answer only",
            responses = {@ApiResponse(responseCode = "201", description = "created; `token` is the secret, shown once"),
                    @ApiResponse(responseCode = "400", description = "bad name, scope or expiry (problem+json naming the field)"),
                    @ApiResponse(responseCode = "403", description = "called with a token instead of the password")})
    Mono<ResponseEntity<AccessTokenResponse>> issue(@RequestBody IssueAccessTokenRequest request,
                                                    @AuthenticationPrincipal PlenumUser owner,
                                                    @RequestHeader(value = "X-Correlation-Id", required = false) String correlation) {
        AccessTokenId tokenId = new AccessTokenId(ids.newId());
        String secret = AccessTokenSecret.generate();
        return Mono.fromCallable(() -> new IssueAccessToken(owner.accountId(), tokenId, request.name(),
                        AccessTokenSecret.sha256(secret), scope(request.scope()), request.expiresAt()))
                .flatMap(command -> commands.send(command, owner.caller(correlation)))
                .then(Mono.fromCallable(() -> tokens.of(owner.accountId()).stream()
                        .filter(t -> t.tokenId().equals(tokenId)).findFirst().orElseThrow()).subscribeOn(Schedulers.boundedElastic()))
                .map(issued -> ResponseEntity.created(URI.create("/api/v1/accounts/me/tokens/" + tokenId.value()))
                        .body(response(issued, clock.instant(), secret)));
    }

    @GetMapping
    @Operation(summary = "My access tokens (never their secrets), newest first, with when each was last used")
    Flux<AccessTokenResponse> list(@AuthenticationPrincipal PlenumUser owner) {
        return Mono.fromCallable(() -> tokens.of(owner.accountId())).subscribeOn(Schedulers.boundedElastic())
                .flatMapIterable(list -> list)
                .map(t -> response(t, clock.instant(), null));
    }

    @DeleteMapping("/{tokenId}")
    @Operation(summary = "Revoke one of my access tokens; it stops working at once",
            responses = {@ApiResponse(responseCode = "204", description = "revoked"),
                    @ApiResponse(responseCode = "404", description = "no such token of mine")})
    Mono<ResponseEntity<Void>> revoke(@PathVariable String tokenId, @AuthenticationPrincipal PlenumUser owner,
                                      @RequestHeader(value = "X-Correlation-Id", required = false) String correlation) {
        return Mono.fromCallable(() -> new RevokeAccessToken(owner.accountId(), tokenIdOrNotFound(tokenId)))
                .flatMap(command -> commands.send(command, owner.caller(correlation)))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private static AccessTokenId tokenIdOrNotFound(String tokenId) {
        try {
            return new AccessTokenId(tokenId);
        } catch (IllegalArgumentException malformed) {
            throw new NotFound("access-token.not-found", "this account has no such access token");
        }
    }

    private static AccessTokenScope scope(String scope) {
        if ("read".equals(scope)) {
            return AccessTokenScope.READ;
        }
        if ("read-write".equals(scope)) {
            return AccessTokenScope.READ_WRITE;
        }
        throw new InvalidInput("scope", "access-token.scope-invalid", "scope is 'read' or 'read-write'");
    }

    private static AccessTokenResponse response(AccessTokenListing t, Instant now, String secret) {
        return new AccessTokenResponse(t.tokenId().value(), t.name(), t.scope() == AccessTokenScope.READ ? "read" : "read-write",
                t.issuedAt(), t.expiresAt(), t.expiresAt() != null && !t.expiresAt().isAfter(now), t.lastUsedAt(), secret);
    }
}
