package coop.plenum.governance.instance.query;

import coop.plenum.governance.instance.InstanceSettingsChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;

/** One document, replaced by each change (idempotent: a redelivered change writes the same values). */
@Component
@ProcessingGroup("readmodel-instance")
class InstanceSettingsProjection {

    private final ReactiveMongoTemplate mongo;

    InstanceSettingsProjection(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @ResetHandler
    void dropBeforeReplay() {
        mongo.dropCollection("instance_settings").block();
    }

    @EventHandler
    void on(InstanceSettingsChanged event) {
        mongo.save(new InstanceSettingsDocument(event.instance(), event.openSignUp())).block();
    }

    @QueryHandler
    CompletableFuture<InstanceSettingsView> handle(FindInstanceSettings query) {
        return mongo.findById(coop.plenum.governance.instance.ChangeInstanceSettings.INSTANCE, InstanceSettingsDocument.class)
                .map(d -> new InstanceSettingsView(d.openSignUp()))
                .defaultIfEmpty(InstanceSettingsView.DEFAULTS).toFuture();
    }
}
