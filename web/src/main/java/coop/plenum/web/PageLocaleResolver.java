package coop.plenum.web;

import coop.plenum.governance.account.ChangeAccountProfile;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

import java.util.List;
import java.util.Locale;

/**
 * Issue 14: the language a page is written in. A signed-in member's account language wins (put on the exchange by
 * {@link PageLanguageAdvice}, which can ask the read model; this resolver cannot wait for a query); then a language
 * a visitor picked with {@code ?lang=} (kept in a cookie); then the browser's Accept-Language among the languages
 * Plenum has bundles for; otherwise English. Named {@code localeContextResolver} so WebFlux uses it for every
 * exchange (Thymeleaf's {@code #{…}} messages and {@code #temporals} month names follow it). The API does not use
 * messages: its problem+json stays English.
 */
@Component("localeContextResolver")
class PageLocaleResolver implements LocaleContextResolver {

    static final String ACCOUNT_LANGUAGE = PageLocaleResolver.class.getName() + ".accountLanguage";
    static final String COOKIE = "plenum-lang";

    /** English first: the fallback when nothing else matches. */
    static final List<Locale> SUPPORTED = ChangeAccountProfile.LANGUAGES.stream()
            .sorted((a, b) -> a.equals("en") ? -1 : b.equals("en") ? 1 : a.compareTo(b))
            .map(Locale::forLanguageTag).toList();

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        Locale chosen = supported(exchange.getAttribute(ACCOUNT_LANGUAGE));
        if (chosen == null) {
            HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
            chosen = supported(cookie == null ? null : cookie.getValue());
        }
        if (chosen == null) {
            chosen = fromAcceptLanguage(exchange);
        }
        Locale locale = chosen == null ? Locale.ENGLISH : chosen;
        return new SimpleLocaleContext(locale);
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        throw new UnsupportedOperationException("the page language comes from the account, ?lang= or Accept-Language");
    }

    /** One of the bundled languages for a tag such as "es", else null. */
    static Locale supported(Object tag) {
        if (!(tag instanceof String s) || s.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(s.strip()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
    }

    private static Locale fromAcceptLanguage(ServerWebExchange exchange) {
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(
                    String.join(",", exchange.getRequest().getHeaders().getOrEmpty("Accept-Language")));
            Locale best = Locale.lookup(ranges, SUPPORTED);
            return best == null ? null : supported(best.getLanguage());
        } catch (IllegalArgumentException malformedHeader) {
            return null;
        }
    }
}
