package coop.plenum.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import java.time.ZoneId;

/**
 * Issue 14: every page gets {@code zone}, the reader's time zone that {@link PageReaderFilter} found before the
 * handler ran (UTC signed out or unset); forms read their date-and-time fields in it ({@link #readerZone}).
 */
@ControllerAdvice(basePackages = "coop.plenum.web")
class PageLanguageAdvice {

    @ModelAttribute("zone")
    String zone(ServerWebExchange exchange) {
        return readerZone(exchange).getId();
    }

    /** The signed-in reader's time zone for reading a form's date-and-time fields; UTC signed out or unset. */
    static ZoneId readerZone(ServerWebExchange exchange) {
        Object zone = exchange.getAttribute(PageReaderFilter.READER_ZONE);
        return ZoneId.of(zone instanceof String id ? id : PageTimeZoneAdvice.UTC);
    }
}
