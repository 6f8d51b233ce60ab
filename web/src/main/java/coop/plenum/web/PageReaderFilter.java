package coop.plenum.web;

import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.account.query.AccountView;
import coop.plenum.governance.account.query.FindAccount;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Issue 14: before a page's handler runs, the reader's language and time zone are put on the exchange: the signed-in
 * member's account settings (one account query per page), or a visitor's {@code ?lang=es}, kept in a cookie for the
 * next pages. {@link PageLocaleResolver} then answers the page's locale and {@link PageLanguageAdvice} the zone, so the
 * handler and the template agree. A filter rather than an asynchronous model attribute: WebFlux takes a
 * {@code Mono<Void>} model-attribute method that has the exchange as a parameter for one that wrote the response
 * itself, and then drops every other model attribute of the page (the inbox's unread count went missing that way).
 * Runs after Spring Security's filter chain, so the signed-in person is known; API, static and actuator requests
 * pass straight through.
 */
@Component
class PageReaderFilter implements WebFilter {

    static final String READER_ZONE = PageReaderFilter.class.getName() + ".zone";

    private static final List<String> NOT_PAGES = List.of("/api/", "/css/", "/js/", "/actuator", "/v3/", "/swagger-ui",
            "/webjars/", "/favicon");

    private final Queries queries;

    PageReaderFilter(Queries queries) {
        this.queries = queries;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (NOT_PAGES.stream().anyMatch(path::startsWith)) {
            return chain.filter(exchange);
        }
        Locale asked = PageLocaleResolver.supported(exchange.getRequest().getQueryParams().getFirst("lang"));
        if (asked != null) {
            exchange.getResponse().addCookie(ResponseCookie.from(PageLocaleResolver.COOKIE, asked.getLanguage())
                    .path("/").maxAge(Duration.ofDays(365)).sameSite("Lax").httpOnly(true).build());
            exchange.getAttributes().put(PageLocaleResolver.ACCOUNT_LANGUAGE, asked.getLanguage());
        }
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() == null ? null
                        : context.getAuthentication().getPrincipal() instanceof PlenumUser user ? user : null)
                .flatMap(user -> queries.one(new FindAccount(user.accountId()), AccountView.class))
                .doOnNext(account -> {
                    exchange.getAttributes().put(READER_ZONE, PageTimeZoneAdvice.known(account.timeZone()));
                    if (PageLocaleResolver.supported(account.language()) != null) {
                        exchange.getAttributes().put(PageLocaleResolver.ACCOUNT_LANGUAGE, account.language());
                    }
                })
                .then(chain.filter(exchange));
    }
}
