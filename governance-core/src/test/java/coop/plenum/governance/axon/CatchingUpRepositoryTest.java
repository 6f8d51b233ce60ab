package coop.plenum.governance.axon;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

class CatchingUpRepositoryTest {

    record Open(@TargetAggregateIdentifier String id) {
    }

    record Add(@TargetAggregateIdentifier String id) {
    }

    record Opened(String id) {
    }

    record Added(String id) {
    }

    static class Tally {
        @AggregateIdentifier
        String id;
        int count;

        Tally() {
        }

        @CommandHandler
        Tally(Open command) {
            apply(new Opened(command.id()));
        }

        @CommandHandler
        int handle(Add command) {
            apply(new Added(id));
            return count;
        }

        @EventSourcingHandler
        void on(Opened event) {
            id = event.id();
        }

        @EventSourcingHandler
        void on(Added event) {
            count++;
        }
    }

    private Configuration axon;

    @BeforeEach
    void start() {
        Configuration[] self = new Configuration[1];
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Tally.class)
                        .configureRepository(c -> new CatchingUpRepository<>(Tally.class, () -> self[0], new BoundedAggregateCache(16), null)))
                .buildConfiguration();
        self[0] = axon;
        axon.start();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void aCachedAggregateAppliesWhatAnotherNodeAppendedSinceBeforeDecidingTheNextCommand() {
        axon.commandGateway().sendAndWait(new Open("t-1"));
        assertThat((Integer) axon.commandGateway().sendAndWait(new Add("t-1"))).isEqualTo(1);
        // another node sharing the log appends to the same aggregate: this node's cached copy is now one event behind
        axon.eventStore().publish(new GenericDomainEventMessage<>("Tally", "t-1", 2, new Added("t-1")));

        Integer count = axon.commandGateway().sendAndWait(new Add("t-1"));

        assertThat(count).as("the cached aggregate saw the other node's event").isEqualTo(3);
        assertThat(axon.eventStore().readEvents("t-1").asStream().map(e -> e.getSequenceNumber()).toList())
                .containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void anAggregateNobodyElseTouchedLoadsFromTheCacheAsBefore() {
        axon.commandGateway().sendAndWait(new Open("t-2"));
        for (int i = 1; i <= 5; i++) {
            assertThat((Integer) axon.commandGateway().sendAndWait(new Add("t-2"))).isEqualTo(i);
        }
    }
}
