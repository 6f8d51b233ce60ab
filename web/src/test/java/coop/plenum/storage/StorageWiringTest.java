package coop.plenum.storage;

import coop.plenum.support.BootedPlenum;
import coop.plenum.governance.axon.NotifyingTokenStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.scheduling.EventScheduler;
import org.axonframework.eventhandling.scheduling.dbscheduler.DbSchedulerEventScheduler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Storage and running", checked on the running application rather than trusted from configuration. */
class StorageWiringTest extends BootedPlenum {

    @Autowired
    EventStorageEngine engine;
    @Autowired
    TokenStore sagaTokenStore;
    @Autowired
    DeadlineManager deadlineManager;
    @Autowired
    EventScheduler eventScheduler;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;

    @Test
    void theEmbeddedEventLogRunsWithProductionDurabilitySettings() {
        for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
            assertThat(jdbc.queryForObject("show " + setting, String.class)).as(setting).isEqualTo("on");
        }
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
    }

    @Test
    void eventsSagaTokensAndDeadlinesLiveInPostgresql() {
        assertThat(engine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(sagaTokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(eventScheduler).isInstanceOf(DbSchedulerEventScheduler.class);
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_name in "
                + "('domainevententry','snapshotevententry','tokenentry','sagaentry','associationvalueentry','scheduled_tasks')",
                Long.class)).isEqualTo(6);
    }

    @Test
    void readModelProcessorsArePooledAndKeepTheirTokensInMongodb() {
        List<String> readModels = List.of("readmodel-accounts", "readmodel-cooperatives", "readmodel-membership", "readmodel-proposals");
        for (String group : readModels) {
            EventProcessor processor = processing.eventProcessor(group, EventProcessor.class).orElseThrow();
            assertThat(processor).as(group).isInstanceOf(PooledStreamingEventProcessor.class);
            // behind the wrapper that completes read-your-writes waits when a token is stored
            assertThat(processing.tokenStore(group)).as(group).isInstanceOf(NotifyingTokenStore.class);
            assertThat(((NotifyingTokenStore) processing.tokenStore(group)).delegate()).as(group).isInstanceOf(MongoTokenStore.class);
        }
    }

    @Test
    void everythingAxonStoresIsSerializedWithJackson() {
        assertThat(List.of(serializer, eventSerializer, messageSerializer)).allMatch(JacksonSerializer.class::isInstance);
    }
}
