package coop.plenum.web;

import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.account.query.AccountView;
import coop.plenum.governance.account.query.FindAccount;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Issue 14: before a page's handler runs, the signed-in member's account language is put on the exchange for
 * {@link PageLocaleResolver} (a {@code Mono<Void>} model attribute is awaited before the handler, so the handler and
 * the template see the same language), and the account's time zone, in which a form's date-and-time fields are read.
 * A visitor's {@code ?lang=es} is kept in a cookie for the next pages.
 */
@ControllerAdvice(basePackages = "coop.plenum.web")
class PageLanguageAdvice {

    static final String READER_ZONE = PageLanguageAdvice.class.getName() + ".zone";

    private final Queries queries;

    PageLanguageAdvice(Queries queries) {
        this.queries = queries;
    }

    @ModelAttribute
    Mono<Void> language(@AuthenticationPrincipal PlenumUser user, ServerWebExchange exchange, Model model) {
        Locale asked = PageLocaleResolver.supported(exchange.getRequest().getQueryParams().getFirst("lang"));
        if (asked != null) {
            exchange.getResponse().addCookie(ResponseCookie.from(PageLocaleResolver.COOKIE, asked.getLanguage())
                    .path("/").maxAge(Duration.ofDays(365)).sameSite("Lax").httpOnly(true).build());
            exchange.getAttributes().put(PageLocaleResolver.ACCOUNT_LANGUAGE, asked.getLanguage());
        }
        Mono<AccountView> account = user == null ? Mono.empty()
                : queries.one(new FindAccount(user.accountId()), AccountView.class);
        return account
                .doOnNext(found -> {
                    exchange.getAttributes().put(READER_ZONE, PageTimeZoneAdvice.known(found.timeZone()));
                    // the zone the pages format times in: one account query per page for the language and the zone
                    model.addAttribute("zone", PageTimeZoneAdvice.known(found.timeZone()));
                    if (PageLocaleResolver.supported(found.language()) != null) {
                        exchange.getAttributes().put(PageLocaleResolver.ACCOUNT_LANGUAGE, found.language());
                    }
                })
                // the figures ("51,6 %") in the page's language: FiguresAdvice ran before the language was known
                .then(Mono.fromRunnable(() -> model.addAttribute("fig", Figures.in(exchange.getLocaleContext().getLocale()))));
    }

    /** The signed-in reader's time zone for reading a form's date-and-time fields; UTC signed out or unset. */
    static ZoneId readerZone(ServerWebExchange exchange) {
        Object zone = exchange.getAttribute(READER_ZONE);
        return ZoneId.of(zone instanceof String id ? id : PageTimeZoneAdvice.UTC);
    }
}
