package coop.plenum.web;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import java.util.Locale;

/**
 * Every page gets {@code fig} and {@code words}: {@link Figures} in the page's language ({@link PageLocaleResolver}; English without
 * one); a signed-in member's account language is known by then ({@link PageReaderFilter}).
 */
@ControllerAdvice(basePackages = "coop.plenum.web")
class FiguresAdvice {

    private final MessageSource messages;

    FiguresAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("fig")
    Figures figures(ServerWebExchange exchange) {
        try {
            return Figures.in(exchange.getLocaleContext().getLocale());
        } catch (IllegalArgumentException malformedHeader) {
            return Figures.in(Locale.ENGLISH);
        }
    }

    /** The sentences Java builds for the page, in the same language ({@link Words}). */
    @ModelAttribute("words")
    Words words(ServerWebExchange exchange) {
        try {
            return new Words(messages, exchange.getLocaleContext().getLocale());
        } catch (IllegalArgumentException malformedHeader) {
            return new Words(messages, Locale.ENGLISH);
        }
    }
}
