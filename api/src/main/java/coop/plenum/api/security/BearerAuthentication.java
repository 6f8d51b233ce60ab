package coop.plenum.api.security;

import coop.plenum.governance.account.login.AccessTokenLogin;
import coop.plenum.governance.account.login.AccessTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code Authorization: Bearer plnm_…}: one primary-key lookup of the secret's SHA-256 in the command side's token
 * table, no bcrypt. Revoked and expired tokens are simply not found. The last-used time is recorded at most once a
 * minute per token, so a busy script does not turn every read into a write, and written behind the request, so a
 * one-off request does not wait for a write either.
 */
class BearerAuthentication implements ReactiveAuthenticationManager {

    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final String BEARER = "bearer ";

    private final AccessTokens tokens;
    private final Clock clock;

    BearerAuthentication(AccessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The filter for the API chain; failures answer 401 problem+json through the given handler. */
    AuthenticationWebFilter filter(ServerAuthenticationEntryPointFailureHandler failure) {
        AuthenticationWebFilter filter = new AuthenticationWebFilter(this);
        filter.setServerAuthenticationConverter(new BearerConverter());
        filter.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.anyExchange());
        filter.setAuthenticationFailureHandler(failure);
        return filter;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof Presented presented)) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> {
            Instant now = clock.instant();
            String hash = AccessTokenSecret.sha256(presented.secret());
            AccessTokenLogin login = tokens.findLive(hash, now)
                    .orElseThrow(() -> new BadCredentialsException("unknown, revoked or expired access token"));
            if (login.lastUsedAt() == null || login.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
                tokens.touch(login, hash, now);
            }
            PlenumUser user = new PlenumUser(login.accountId(), login.username(), login.displayName(), "", login.operator());
            return (Authentication) new AccessTokenAuthentication(user, login.tokenId(), login.scope());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** A bearer secret as presented, before it is checked. */
    private static final class Presented extends org.springframework.security.authentication.AbstractAuthenticationToken {
        private final String secret;

        Presented(String secret) {
            super(null);
            this.secret = secret;
        }

        String secret() {
            return secret;
        }

        @Override
        public Object getCredentials() {
            return secret;
        }

        @Override
        public Object getPrincipal() {
            return null;
        }
    }

    private static final class BearerConverter implements ServerAuthenticationConverter {
        @Override
        public Mono<Authentication> convert(ServerWebExchange exchange) {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return Mono.empty();
            }
            return Mono.just(new Presented(header.substring(BEARER.length()).strip()));
        }
    }
}
