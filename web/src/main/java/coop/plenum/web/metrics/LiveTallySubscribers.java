package coop.plenum.web.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code plenum_sse_subscribers}: live tally streams (server-sent events, the API's and the proposal page's) open on
 * this node now. Counted around the whole exchange, so a stream refused (401, 403, 404) counts only while it is
 * being answered.
 */
@Component
class LiveTallySubscribers implements WebFilter {

    private final AtomicInteger open = new AtomicInteger();

    LiveTallySubscribers(MeterRegistry registry) {
        Gauge.builder("plenum.sse.subscribers", open, AtomicInteger::get)
                .description("Live tally streams (server-sent events) open on this node").register(registry);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().endsWith("/tally/stream")) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange)
                .doOnSubscribe(s -> open.incrementAndGet())
                .doFinally(signal -> open.decrementAndGet());
    }
}
