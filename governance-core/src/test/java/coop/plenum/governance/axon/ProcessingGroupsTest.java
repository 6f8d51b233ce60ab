package coop.plenum.governance.axon;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which groups get which wiring, found from the handler beans: a new projection, policy or saga needs none, and
 * every policy and saga gets a view of the log that wakes it at once only for the events it handles.
 */
class ProcessingGroupsTest {

    record Something(String id) {
    }

    @ProcessingGroup("readmodel-things")
    static class ThingsProjection {
        @EventHandler
        void on(Something e) {
        }
    }

    @ProcessingGroup("policy-things")
    static class ThingsPolicy {
        @EventHandler
        void on(Something e) {
        }
    }

    @ProcessingGroup("policy-webhooks")
    static class AnOutbox {
        @EventHandler
        void on(Something e) {
        }
    }

    @Saga
    @ProcessingGroup("thing-effects")
    public static class ThingSaga {
        @StartSaga
        @SagaEventHandler(associationProperty = "id")
        void on(Something e) {
        }
    }

    @Test
    void policiesAndSagasAreEveryGroupThatIsNeitherAReadModelNorAnOutbox() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
                ThingsProjection.class, ThingsPolicy.class, AnOutbox.class, ThingSaga.class)) {
            assertThat(ProcessingConfiguration.readModelGroups(context)).containsExactly("readmodel-things");
            assertThat(ProcessingConfiguration.policyGroups(context)).containsExactlyInAnyOrder("policy-things", "thing-effects");
        }
    }
}
