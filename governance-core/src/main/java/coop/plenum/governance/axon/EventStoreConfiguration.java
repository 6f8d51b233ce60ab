package coop.plenum.governance.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event log: Axon's JDBC storage engine on PostgreSQL behind an embedded event store. Caught-up processors
 * share one reader of the log (the store's consumer cache); {@link CommitSignallingEventSource} wakes them once the
 * new events are in that cache, so a woken processor finds them at once.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    /**
     * {@code plenum.event-store=in-memory} swaps the log for Axon's in-memory engine: NOT durable, everything is lost
     * at exit. It exists only so benchmarks can measure the ceiling of the Axon path next to the real log.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          @org.springframework.beans.factory.annotation.Value("${plenum.event-store:jdbc}") String kind) {
        if ("in-memory".equals(kind)) {
            org.slf4j.LoggerFactory.getLogger(EventStoreConfiguration.class)
                    .warn("plenum.event-store=in-memory: the event log is NOT durable and vanishes at exit (benchmarks only)");
            return new InOrderInMemoryEventStorageEngine();
        }
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter().combine(new CurrentSnapshots()))
                // PostgreSQL's unique_violation (SQLSTATE 23505) on (aggregate, sequence) is another writer's append (another node):
                // a ConcurrencyException, which the API retries. JdbcSQLErrorCodesResolver looks at vendor error codes,
                // which the PostgreSQL driver leaves at 0, and let the collision surface as a bare EventStoreException (500)
                .persistenceExceptionResolver(new SQLStateResolver("23505"))
                .connectionProvider(connectionProvider)
                // reads of the log open no transaction of their own (LogReadsOutsideTransactions)
                .transactionManager(new LogReadsOutsideTransactions(transactionManager))
                .schema(new EventSchema())
                .build();
    }

    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return new WakeableEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                // one producer reads the log into a cache that every caught-up processor tails (issue 16)
                .optimizeEventConsumption(true));
    }

    @Bean
    CommittedEvents committedEvents(EventStore eventStore) {
        return new CommittedEvents(eventStore);
    }

    @Bean
    CommitSignallingEventSource commitSignallingEventSource(EventStore eventStore, CommittedEvents committed) {
        return new CommitSignallingEventSource(eventStore, committed::placed);
    }
}
