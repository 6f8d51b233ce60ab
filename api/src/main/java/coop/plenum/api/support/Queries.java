package coop.plenum.api.support;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Asks the read models through Axon's query bus. The bus runs a handler on the asking thread, and some handlers wait
 * for MongoDB ({@code block()}); Reactor refuses that on its own non-blocking threads (a step before may have finished
 * on one, e.g. after a timer), which answered a secretary's reminder with a 500 once in CI. On such a thread the query
 * is asked from the bounded elastic pool instead; everywhere else it stays on the thread it was asked from.
 */
@Component
public class Queries {

    private final QueryGateway gateway;

    Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> Mono<R> one(Object query, Class<R> type) {
        return ask(() -> gateway.query(query, ResponseTypes.instanceOf(type)));
    }

    public <R> Mono<List<R>> many(Object query, Class<R> type) {
        return ask(() -> gateway.query(query, ResponseTypes.multipleInstancesOf(type)));
    }

    static <R> Mono<R> ask(Supplier<CompletableFuture<R>> query) {
        Mono<R> asked = Mono.fromFuture(query);
        return Mono.defer(() -> Schedulers.isInNonBlockingThread() ? asked.subscribeOn(Schedulers.boundedElastic()) : asked);
    }
}
