package coop.plenum.governance.axon;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandledPayloadTypesTest {

    record Handled(String value) {
    }

    record PassedBy(String value) {
    }

    @ProcessingGroup("handlers-of-one-type")
    static class HandlerOfOneType {
        @EventHandler
        void on(Handled event) {
        }
    }

    public static class SagaOfOneType {
        @org.axonframework.modelling.saga.StartSaga
        @org.axonframework.modelling.saga.SagaEventHandler(associationProperty = "value")
        void on(Handled event) {
        }
    }

    private final Configuration configuration = DefaultConfigurer.defaultConfiguration()
            .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
            .eventProcessing(processing -> processing.usingSubscribingEventProcessors()
                    .registerEventHandler(c -> new HandlerOfOneType())
                    .registerSaga(SagaOfOneType.class))
            .buildConfiguration();

    @AfterEach
    void shutDown() {
        configuration.shutdown();
    }

    @Test
    void aProcessorIsWokenAtOnceOnlyByTheTypesItsHandlersTake() {
        configuration.start();
        HandledPayloadTypes handled = new HandledPayloadTypes(configuration, "handlers-of-one-type");
        assertThat(handled.test(Handled.class)).isTrue();
        assertThat(handled.test(PassedBy.class)).isFalse();
    }

    @Test
    void aSagaIsWokenAtOnceOnlyByTheTypesItsHandlersTakeToo() {
        configuration.start();
        String sagaGroup = configuration.eventProcessingConfiguration().sagaProcessingGroup(SagaOfOneType.class);
        HandledPayloadTypes handled = new HandledPayloadTypes(configuration, sagaGroup);
        assertThat(handled.test(Handled.class)).isTrue();
        assertThat(handled.test(PassedBy.class)).isFalse();
    }

    @Test
    void aProcessorNotYetKnownIsWokenByEveryTypeSoNothingWaitsOnADeferredWake() {
        configuration.start();
        assertThat(new HandledPayloadTypes(configuration, "no-such-group").test(PassedBy.class)).isTrue();
    }
}
