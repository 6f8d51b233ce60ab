package coop.plenum.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import java.util.Locale;

/**
 * Every page gets {@code fig}: {@link Figures} in the page's language ({@link PageLocaleResolver}; English without
 * one); a signed-in member's account language is known by then ({@link PageReaderFilter}).
 */
@ControllerAdvice(basePackages = "coop.plenum.web")
class FiguresAdvice {

    @ModelAttribute("fig")
    Figures figures(ServerWebExchange exchange) {
        try {
            return Figures.in(exchange.getLocaleContext().getLocale());
        } catch (IllegalArgumentException malformedHeader) {
            return Figures.in(Locale.ENGLISH);
        }
    }
}
