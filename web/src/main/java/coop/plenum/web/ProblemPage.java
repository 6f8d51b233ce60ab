package coop.plenum.web;

import coop.plenum.api.security.PlenumUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.function.BiConsumer;

/** The model of the problem page ({@code problem.html}): status, heading, sentence, and who is signed in. */
final class ProblemPage {

    static final String VIEW = "problem";

    private ProblemPage() {
    }

    static void describe(PageProblem problem, BiConsumer<String, Object> model, ServerWebExchange exchange, MessageSource messages) {
        Words words = new Words(messages, localeOf(exchange));
        model.accept("status", problem.status().value());
        model.accept("title", problem.title(words));
        model.accept("message", problem.message(words));
        model.accept("user", signedIn(exchange));
        // the sign-out form needs it; the CSRF filter leaves it among the exchange's attributes, shared by every view of it
        Mono<CsrfToken> csrf = exchange.getAttribute(CsrfToken.class.getName());
        if (csrf != null) {
            model.accept("_csrf", csrf);
        }
    }

    /** The page's language ({@link PageLocaleResolver}); English when the request's language cannot be read. */
    private static java.util.Locale localeOf(ServerWebExchange exchange) {
        try {
            return exchange.getLocaleContext().getLocale();
        } catch (RuntimeException unreadable) {
            return java.util.Locale.ENGLISH;
        }
    }

    /**
     * The signed-in person, for the page frame. Inside a handler the exchange carries the principal; an error raised
     * before any handler (no such page, wrong method) reaches us with the original exchange, so look in the session.
     */
    private static Mono<PlenumUser> signedIn(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(Authentication.class::isInstance)
                .map(principal -> ((Authentication) principal).getPrincipal())
                .switchIfEmpty(exchange.getSession().mapNotNull(session -> session.<SecurityContext>getAttribute(
                                WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME))
                        .mapNotNull(SecurityContext::getAuthentication)
                        .mapNotNull(Authentication::getPrincipal))
                .filter(PlenumUser.class::isInstance)
                .cast(PlenumUser.class)
                .onErrorResume(unavailable -> Mono.empty());
    }
}
