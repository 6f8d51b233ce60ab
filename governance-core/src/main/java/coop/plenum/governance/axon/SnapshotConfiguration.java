package coop.plenum.governance.axon;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Snapshots for aggregates with long streams (a proposal collects one event per ballot): after
 * {@code plenum.axon.snapshot-after-events} events (1,000) a snapshot is written in the background, by one thread, so
 * a command never waits for it. Loading such an aggregate (after a restart, or once the cache dropped it) then reads
 * the snapshot and the events after it instead of every ballot under the aggregate's lock.
 */
@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService snapshotExecutor() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "plenum-snapshotter");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    SnapshotTriggerDefinition longStreamSnapshots(ObjectProvider<EventStore> eventStore, ObjectProvider<TransactionManager> transactions,
                                                  ObjectProvider<org.axonframework.config.Configuration> axon,
                                                  ApplicationContext context, ExecutorService snapshotExecutor,
                                                  @Value("${plenum.axon.snapshot-after-events:1000}") int threshold) {
        // built on first use: the snapshotter needs Axon's configuration, which needs this trigger to build
        Snapshotter lazily = new Snapshotter() {
            private volatile Snapshotter built;

            @Override
            public void scheduleSnapshot(Class<?> aggregateType, String aggregateIdentifier) {
                Snapshotter snapshotter = built;
                if (snapshotter == null) {
                    synchronized (this) {
                        if (built == null) {
                            RecordSnapshotter created = new RecordSnapshotter(SpringAggregateSnapshotter.builder()
                                    .eventStore(eventStore.getObject())
                                    .transactionManager(transactions.getObject())
                                    .executor(snapshotExecutor)
                                    .parameterResolverFactory(axon.getObject().parameterResolverFactory())
                                    .handlerDefinition(axon.getObject().handlerDefinition(aggregateType)));
                            created.setApplicationContext(context);
                            built = created;
                        }
                        snapshotter = built;
                    }
                }
                snapshotter.scheduleSnapshot(aggregateType, aggregateIdentifier);
            }
        };
        return new EventCountSnapshotTriggerDefinition(lazily, threshold);
    }

    /** Axon's snapshotter, writing what a {@link SnapshotSource} aggregate gives instead of the aggregate object. */
    static final class RecordSnapshotter extends SpringAggregateSnapshotter {

        RecordSnapshotter(SpringAggregateSnapshotter.Builder builder) {
            super(builder);
        }

        @Override
        protected DomainEventMessage createSnapshot(Class<?> aggregateType, String aggregateIdentifier, DomainEventStream eventStream) {
            DomainEventMessage<?> whole = super.createSnapshot(aggregateType, aggregateIdentifier, eventStream);
            if (whole == null || !(whole.getPayload() instanceof SnapshotSource source)) {
                return whole;
            }
            return new GenericDomainEventMessage<>(whole.getType(), whole.getAggregateIdentifier(), whole.getSequenceNumber(),
                    source.snapshot());
        }
    }
}
