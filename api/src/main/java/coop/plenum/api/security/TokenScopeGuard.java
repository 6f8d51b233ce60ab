package coop.plenum.api.security;

import coop.plenum.governance.account.AccessTokenScope;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * What a personal access token may not do, whatever its owner may: a {@code read} token only reads (GET, HEAD), and
 * no token manages tokens, so a leaked one cannot mint itself successors. Runs after authentication, before the
 * role rules.
 */
class TokenScopeGuard implements WebFilter {

    static final String TOKENS_PATH = "/api/v1/accounts/me/tokens";
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final ProblemResponses problems;

    TokenScopeGuard(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(AccessTokenAuthentication.class::isInstance)
                .cast(AccessTokenAuthentication.class)
                .flatMap(token -> {
                    String path = exchange.getRequest().getPath().pathWithinApplication().value();
                    if (path.equals(TOKENS_PATH) || path.startsWith(TOKENS_PATH + "/")) {
                        return problems.forbidden(exchange, "auth.password-required",
                                "access tokens are managed with your password (HTTP Basic), not with a token").thenReturn(true);
                    }
                    if (token.scope() == AccessTokenScope.READ && !READS.contains(exchange.getRequest().getMethod())) {
                        return problems.forbidden(exchange, "auth.token-read-only",
                                "this access token has scope 'read': it may only GET").thenReturn(true);
                    }
                    return Mono.just(false);
                })
                .defaultIfEmpty(false)
                .flatMap(refused -> refused ? Mono.<Void>empty() : chain.filter(exchange));
    }
}
