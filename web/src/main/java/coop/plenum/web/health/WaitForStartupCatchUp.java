package coop.plenum.web.health;

import coop.plenum.api.support.ApiPaths;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.api.support.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * While the read models catch up after a start, a request could read a state older than what was acknowledged
 * before the stop (a cooperative founded a second before a crash answering 404). So each request waits, bounded,
 * for the catch-up, and past that is told to come back: 503 with {@code Retry-After}, problem+json for the API and
 * a "starting up" page for the browser. Health, static assets and the API description never wait.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@EnableConfigurationProperties(StartupProperties.class)
class WaitForStartupCatchUp implements WebFilter {

    private static final List<String> NEVER_WAIT = List.of("/actuator/", "/css/", "/js/", "/webjars/", "/favicon.",
            "/v3/api-docs", "/swagger-ui");
    private static final byte[] STARTING_UP_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Plenum is starting up</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="5"><link rel="stylesheet" href="/css/plenum.css"></head>
            <body><main><h1>Plenum is starting up</h1>
            <p>It is bringing its records up to date after a restart. This page reloads by itself in a few seconds.</p>
            </main></body></html>
            """.getBytes(StandardCharsets.UTF_8);

    private final StartupCatchUp startup;
    private final StartupProperties properties;
    private final ObjectMapper json;

    WaitForStartupCatchUp(StartupCatchUp startup, StartupProperties properties, ObjectMapper json) {
        this.startup = startup;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (startup.isCaughtUp() || neverWaits(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        return Mono.fromFuture(startup.whenCaughtUp())
                .thenReturn(true)
                .timeout(properties.requestWait(), Mono.just(false))
                // the catch-up completes on its watcher thread; carry on where request work belongs
                .publishOn(Schedulers.parallel())
                .flatMap(caughtUp -> caughtUp ? chain.filter(exchange) : refuse(exchange));
    }

    private static boolean neverWaits(String path) {
        return NEVER_WAIT.stream().anyMatch(path::startsWith);
    }

    private Mono<Void> refuse(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, properties.retryAfter().toSeconds())));
        response.getHeaders().setCacheControl("no-store");
        byte[] body;
        if (ApiPaths.isApi(exchange)) {
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            try {
                body = json.writeValueAsBytes(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service.starting",
                        "Plenum is starting up and bringing its read models up to date; retry shortly", null));
            } catch (Exception e) {
                return Mono.error(e);
            }
        } else {
            response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
            body = STARTING_UP_PAGE;
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
