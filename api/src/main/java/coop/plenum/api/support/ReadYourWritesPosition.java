package coop.plenum.api.support;

import coop.plenum.governance.axon.ReadModelCatchUp;
import coop.plenum.kernel.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * {@code X-Plenum-Position}: on the answer to a command, the position in the event log of the last event it appended
 * (the API has already waited for the read models that show it). Sent back on a later request, that request first
 * waits (bounded by {@code plenum.api.read-your-writes-timeout}) until every read model has handled the log up to
 * it, so a client reading through another connection, or after a command whose wait timed out, still reads its own
 * writes. A value that is not a position the log has reached is refused with 400 naming the header.
 * Runs after authentication (Spring Security's filter is at order -100), so strangers never make the server wait.
 */
@Component
class ReadYourWritesPosition implements WebFilter {

    static final String HEADER = "X-Plenum-Position";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private final ReadModelCatchUp catchUp;
    private final Duration timeout;

    ReadYourWritesPosition(ReadModelCatchUp catchUp, @Value("${plenum.api.read-your-writes-timeout:3s}") Duration timeout) {
        this.catchUp = catchUp;
        this.timeout = timeout;
    }

    /** Where a command sent during this request records the position it wrote (in the Reactor context). */
    static final class Written {
        private final AtomicLong position = new AtomicLong(-1);

        void wrote(long at) {
            position.accumulateAndGet(at, Math::max);
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!ApiPaths.isApi(exchange)) {
            return chain.filter(exchange);
        }
        Written written = new Written();
        exchange.getResponse().beforeCommit(() -> {
            long at = written.position.get();
            if (at >= 0) {
                exchange.getResponse().getHeaders().set(HEADER, Long.toString(at));
            }
            return Mono.empty();
        });
        Mono<Void> proceed = chain.filter(exchange).contextWrite(context -> context.put(Written.class, written));
        List<String> asked = exchange.getRequest().getHeaders().getOrEmpty(HEADER);
        if (asked.isEmpty()) {
            return proceed;
        }
        return Mono.fromCallable(() -> {
                    long position = requested(asked);
                    catchUp.awaitPosition(position, timeout);
                    return position;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .then(proceed);
    }

    private long requested(List<String> asked) {
        if (asked.size() != 1 || !DIGITS.matcher(asked.get(0).strip()).matches()) {
            throw invalid();
        }
        long position = Long.parseLong(asked.get(0).strip());
        OptionalLong head = catchUp.logHead();
        if (head.isEmpty() || position > head.getAsLong()) {
            throw invalid();
        }
        return position;
    }

    private static InvalidInput invalid() {
        return new InvalidInput(HEADER, "request.position-invalid",
                HEADER + " must be a position the event log has reached, as a previous answer gave it, sent once");
    }
}
