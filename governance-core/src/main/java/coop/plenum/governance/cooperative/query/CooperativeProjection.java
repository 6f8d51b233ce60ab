package coop.plenum.governance.cooperative.query;

import coop.plenum.governance.cooperative.CooperativeFounded;
import coop.plenum.governance.ids.CooperativeId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;

/**
 * The cooperative read model: name and charter in force. Idempotent: the document is keyed by the cooperative
 * id and a founding replaces it whole, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup("readmodel-cooperatives")
class CooperativeProjection {

    private final ReactiveMongoTemplate mongo;

    CooperativeProjection(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @ResetHandler
    void dropBeforeReplay() {
        mongo.dropCollection("cooperatives").block();
    }

    @EventHandler
    void on(CooperativeFounded event) {
        mongo.save(new CooperativeDocument(event.cooperativeId().value(), event.name(), event.charter(), event.foundedAt())).block();
    }

    @EventHandler
    void on(coop.plenum.governance.cooperative.CharterAmended event) {
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(event.cooperativeId().value())),
                new org.springframework.data.mongodb.core.query.Update().set("charter", event.charter()),
                CooperativeDocument.class).block();
    }

    @QueryHandler
    CompletableFuture<CooperativeView> handle(FindCooperative query) {
        return mongo.findById(query.cooperativeId().value(), CooperativeDocument.class)
                .map(d -> new CooperativeView(new CooperativeId(d.id()), d.name(), d.charter(), d.foundedAt()))
                .toFuture();
    }

    @QueryHandler
    CompletableFuture<java.util.List<CooperativeView>> handle(FindAllCooperatives query) {
        var newestFirst = new org.springframework.data.mongodb.core.query.Query()
                .with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "foundedAt"))
                .limit(Math.max(1, Math.min(query.limit(), 5_000)));
        return mongo.find(newestFirst, CooperativeDocument.class)
                .map(d -> new CooperativeView(new CooperativeId(d.id()), d.name(), d.charter(), d.foundedAt()))
                .collectList().toFuture();
    }
}
