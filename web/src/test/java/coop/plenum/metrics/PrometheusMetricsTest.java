package coop.plenum.metrics;

import org.springframework.test.web.reactive.server.WebTestClient;
import coop.plenum.support.BootedPlenum;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, operations: {@code /actuator/prometheus} gives the operator commands (by type and outcome, with their
 * latency), processor lag, dead letters and live tally subscribers; nobody else may scrape it.
 */
class PrometheusMetricsTest extends BootedPlenum {

    @Test
    void onlyTheOperatorScrapesTheMetrics() {
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        String member = unique("metrics-");
        createAccount(member, "Metrics member");
        http.get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth(member, member + "-password"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void commandsAreCountedByTypeAndOutcomeAndEveryProcessorReportsItsLag() {
        createAccount(unique("metrics-"), "Counted");
        // a refused command: the username is taken
        asOperator(http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"admin\",\"password\":\"whatever-password\",\"displayName\":\"Again\"}"))
                .exchange().expectStatus().isEqualTo(409);

        String metrics = scrape();
        assertThat(count(metrics, "plenum_commands_seconds_count{command=\"CreateAccount\",outcome=\"ok\"}")).isPositive();
        assertThat(count(metrics, "plenum_commands_seconds_count{command=\"CreateAccount\",outcome=\"refused\"}")).isPositive();
        assertThat(metrics).contains("plenum_commands_seconds_bucket", "plenum_processor_lag_events{processor=\"readmodel-proposals\"}",
                "plenum_dead_letters{processor=\"readmodel-proposals\"}", "plenum_sse_subscribers ");
    }

    @Test
    void requestsAreMeteredButSpringSecurityDoesNotObserveItsFilterChainOnEveryRequest() {
        createAccount(unique("metrics-"), "Observed");
        String metrics = scrape();
        assertThat(metrics).contains("http_server_requests_seconds_count{");
        // a few per cent of every request's CPU for meters nothing reads (docs/performance.md, ninth session)
        assertThat(metrics).doesNotContain("spring_security_filterchains", "spring_security_authentications");
    }

    private String scrape() {
        // the whole scrape (every meter of every processor and route) is larger than the client's default 256 KB buffer
        WebTestClient scraper = http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
        return scraper.get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth("admin", OPERATOR_PASSWORD)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static double count(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst().orElse(0);
    }
}
