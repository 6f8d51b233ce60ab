package coop.plenum.api.security;

import coop.plenum.governance.account.login.AccountLogins;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.util.Objects;

/**
 * A browser session remembers the password hash its account had at sign-in. When the password has changed since
 * (reset by a mailed link, or changed on another device), the session ends and the browser is sent to sign in
 * again: whoever knew the old password loses the session they opened with it. Costs one primary-key lookup per
 * signed-in page request.
 */
final class StaleSessionGuard implements WebFilter {

    private final AccountLogins logins;

    StaleSessionGuard(AccountLogins logins) {
        this.logins = logins;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(auth -> auth.getPrincipal() instanceof PlenumUser)
                .map(auth -> (PlenumUser) auth.getPrincipal())
                .flatMap(user -> Mono.fromCallable(() -> logins.passwordHashOf(user.getUsername())
                                .map(current -> Objects.equals(current, user.getPassword())).orElse(false))
                        .subscribeOn(Schedulers.boundedElastic()))
                .defaultIfEmpty(true)
                .flatMap(current -> current ? chain.filter(exchange) : signedOut(exchange));
    }

    private static Mono<Void> signedOut(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(session -> session.invalidate()).then(Mono.fromRunnable(() -> {
            exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
            exchange.getResponse().getHeaders().setLocation(URI.create("/login?expired"));
        }));
    }
}
