package coop.plenum.web;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Signs in an account that was just created on a page (through an invitation or open sign-up), so the person does not
 * type the password they just chose again. A fresh session id is issued first (no fixation of an earlier session).
 */
@Component
class SessionSignIn {

    private final ReactiveUserDetailsService users;
    private final WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

    SessionSignIn(ReactiveUserDetailsService users) {
        this.users = users;
    }

    Mono<Void> signIn(String username, ServerWebExchange exchange) {
        return users.findByUsername(username).flatMap(details -> exchange.getSession().flatMap(WebSession::changeSessionId)
                .then(sessions.save(exchange, new SecurityContextImpl(
                        UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities())))));
    }
}
