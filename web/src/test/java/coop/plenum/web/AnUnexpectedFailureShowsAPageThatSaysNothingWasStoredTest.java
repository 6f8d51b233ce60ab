package coop.plenum.web;

import coop.plenum.support.BootedPlenum;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: a failure nobody foresaw is shown on Plenum's own page, 500, saying that nothing was stored, and never
 * what failed inside (no exception name, message or stack trace). Driven through the real handler and templates:
 * no page of the app fails this way on purpose.
 */
class AnUnexpectedFailureShowsAPageThatSaysNothingWasStoredTest extends BootedPlenum {

    @Autowired
    PageErrorHandler pageErrors;

    @Test
    void anUnexpectedFailureOnAPageGivesThe500PageWithoutItsInsides() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/cooperatives/c1/proposals")
                .accept(MediaType.TEXT_HTML));
        pageErrors.handle(exchange, new IllegalStateException("secret internals at coop.plenum.Something"))
                .block(Duration.ofSeconds(30));
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        String page = exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(30));
        assertThat(page).contains("Plenum").contains("Something went wrong").contains("Nothing was stored")
                .doesNotContain("secret internals").doesNotContain("IllegalStateException").doesNotContain("Whitelabel");
    }

    @Test
    void theJsonApisFailuresAreLeftToTheApi() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/cooperatives/c1"));
        IllegalStateException failure = new IllegalStateException("boom");
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> pageErrors.handle(exchange, failure).block(Duration.ofSeconds(30)))).isSameAs(failure);
    }
}
