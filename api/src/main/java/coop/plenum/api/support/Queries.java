package coop.plenum.api.support;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;

/** Asks the read models through Axon's query bus; the handlers answer with non-blocking MongoDB lookups. */
@Component
public class Queries {

    private final QueryGateway gateway;

    Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> Mono<R> one(Object query, Class<R> type) {
        return Mono.fromFuture(() -> gateway.query(query, ResponseTypes.instanceOf(type)));
    }

    public <R> Mono<List<R>> many(Object query, Class<R> type) {
        return Mono.fromFuture(() -> gateway.query(query, ResponseTypes.multipleInstancesOf(type)));
    }
}
