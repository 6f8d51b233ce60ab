package coop.plenum.governance.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An event-sourced repository with this node's aggregate cache whose cached aggregates catch up with the log: loading
 * one reads the events appended to it since it was cached (one indexed query that finds none unless another node
 * sharing the log appended meanwhile) and applies them. Without this, a ballot on a proposal the other node had just
 * changed failed its append, dropped the cached proposal and loaded it again from its snapshot and every event after
 * it — thousands of events per ballot on a busy two-node vote (issue 16: 6× the PostgreSQL CPU per ballot of one
 * node). Built on first use, since Axon's configuration (parameter resolvers, handler definitions) is itself built
 * from the repositories.
 */
public final class CatchingUpRepository<T> implements Repository<T> {

    private final Class<T> type;
    private final Supplier<Configuration> axon;
    private final Cache cache;
    private final SnapshotTriggerDefinition snapshots;
    private volatile Repository<T> built;

    public CatchingUpRepository(Class<T> type, Supplier<Configuration> axon, Cache cache, SnapshotTriggerDefinition snapshots) {
        this.type = type;
        this.axon = axon;
        this.cache = cache;
        this.snapshots = snapshots;
    }

    private Repository<T> repository() {
        Repository<T> repository = built;
        if (repository == null) {
            synchronized (this) {
                if (built == null) {
                    Configuration configuration = axon.get();
                    EventSourcingRepository.Builder<T> builder = EventSourcingRepository.builder(type)
                            .eventStore(configuration.eventStore())
                            .cache(cache)
                            .parameterResolverFactory(configuration.parameterResolverFactory())
                            .handlerDefinition(configuration.handlerDefinition(type))
                            .repositoryProvider(configuration::repository);
                    if (snapshots != null) {
                        builder.snapshotTriggerDefinition(snapshots);
                    }
                    built = new Refreshing<>(builder, configuration.eventStore());
                }
                repository = built;
            }
        }
        return repository;
    }

    static final class Refreshing<T> extends CachingEventSourcingRepository<T> {

        private final EventStore log;

        Refreshing(EventSourcingRepository.Builder<T> builder, EventStore log) {
            super(builder);
            this.log = log;
        }

        @Override
        protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
            EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
            Long version = aggregate.version();
            if (version != null) {
                DomainEventStream missed = log.readEvents(aggregateIdentifier, version + 1);
                if (missed.hasNext()) {
                    aggregate.initializeState(missed);
                }
            }
            return aggregate;
        }
    }

    @Override
    public Aggregate<T> load(String aggregateIdentifier) {
        return repository().load(aggregateIdentifier);
    }

    @Override
    public Aggregate<T> load(String aggregateIdentifier, Long expectedVersion) {
        return repository().load(aggregateIdentifier, expectedVersion);
    }

    @Override
    public Aggregate<T> newInstance(Callable<T> factoryMethod) throws Exception {
        return repository().newInstance(factoryMethod);
    }

    @Override
    public Aggregate<T> newInstance(Callable<T> factoryMethod, Consumer<Aggregate<T>> initMethod) throws Exception {
        return repository().newInstance(factoryMethod, initMethod);
    }

    @Override
    public Aggregate<T> loadOrCreate(String aggregateIdentifier, Callable<T> factoryMethod) throws Exception {
        return repository().loadOrCreate(aggregateIdentifier, factoryMethod);
    }

    @Override
    public void send(Message<?> message, ScopeDescriptor scopeDescription) throws Exception {
        repository().send(message, scopeDescription);
    }

    @Override
    public boolean canResolve(ScopeDescriptor scopeDescription) {
        return repository().canResolve(scopeDescription);
    }
}
