package coop.plenum.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import java.util.Locale;

/** Every page gets {@code fig}: {@link Figures} in the reader's locale (from Accept-Language; English without one). */
@ControllerAdvice(basePackages = "coop.plenum.web")
class FiguresAdvice {

    @ModelAttribute("fig")
    Figures figures(ServerWebExchange exchange) {
        try {
            boolean asked = !exchange.getRequest().getHeaders().getAcceptLanguageAsLocales().isEmpty();
            Locale locale = asked ? exchange.getLocaleContext().getLocale() : null;
            return Figures.in(locale);
        } catch (IllegalArgumentException malformedHeader) {
            return Figures.in(Locale.ENGLISH);
        }
    }
}
