package coop.plenum.governance.axon;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Projections sharing a processing group batch an event's writes only when all of them that handle it queue them. */
class BatchableEventsTest {

    record Cast() {
    }

    record Retracted() {
    }

    record Opened() {
    }

    static class Tally {
        @EventHandler
        void on(Cast e) {
        }

        @EventHandler
        void on(Retracted e) {
        }
    }

    static class Receipts {
        @EventHandler
        void on(Cast e) {
        }

        @EventHandler
        void on(Retracted e) {
        }
    }

    /** Queues its entry on a cast, but removes it at once on a retraction. */
    static class Timeline {
        @EventHandler
        void on(Cast e) {
        }

        @EventHandler
        void on(Retracted e) {
        }
    }

    static class Opening {
        @EventHandler
        void on(Opened e) {
        }
    }

    static class Everything {
        @EventHandler
        void on(EventMessage<?> any) {
        }
    }

    private final BatchableEvents events = new BatchableEvents();

    @Test
    void aGroupOfProjectionsThatAllQueueAnEventBatchesIt() {
        events.membersFrom(group -> List.of(Tally.class, Receipts.class, Opening.class));
        events.declare(Tally.class, "g", List.of(Cast.class, Retracted.class));
        events.declare(Receipts.class, "g", List.of(Cast.class, Retracted.class));

        assertThat(events.batchable("g", Cast.class)).isTrue();
        assertThat(events.batchable("g", Retracted.class)).isTrue();
        assertThat(events.batchable("g", Opened.class)).as("asked for by nobody").isFalse();
    }

    @Test
    void oneProjectionThatWritesAnEventAtOnceMakesTheWholeGroupWriteItAtOnce() {
        events.membersFrom(group -> List.of(Tally.class, Timeline.class));
        events.declare(Tally.class, "g", List.of(Cast.class, Retracted.class));
        events.declare(Timeline.class, "g", List.of(Cast.class));

        assertThat(events.batchable("g", Cast.class)).isTrue();
        assertThat(events.batchable("g", Retracted.class))
                .as("the timeline's removal must not run before the tally's queued writes, nor be undone by its own queued upsert")
                .isFalse();
    }

    @Test
    void aProjectionThatNeverAsksToBatchStillCountsWhenItHandlesTheEvent() {
        events.membersFrom(group -> List.of(Tally.class, Receipts.class));
        events.declare(Tally.class, "g", List.of(Cast.class, Retracted.class));

        assertThat(events.batchable("g", Cast.class)).isFalse();
    }

    @Test
    void aProjectionThatHandlesOtherEventsOnlyDoesNotStandInTheWay() {
        events.membersFrom(group -> List.of(Tally.class, Opening.class));
        events.declare(Tally.class, "g", List.of(Cast.class));

        assertThat(events.batchable("g", Cast.class)).isTrue();
    }

    @Test
    void aHandlerOfWholeMessagesHandlesEveryEvent() {
        events.membersFrom(group -> List.of(Tally.class, Everything.class));
        events.declare(Tally.class, "g", List.of(Cast.class));

        assertThat(events.batchable("g", Cast.class)).isFalse();
    }

    @Test
    void groupsAreDecidedApartAndALateDeclarationIsSeen() {
        events.membersFrom(group -> Map.of("a", List.<Class<?>>of(Tally.class), "b", List.<Class<?>>of(Tally.class, Receipts.class)).get(group));
        events.declare(Tally.class, "a", List.of(Cast.class));
        events.declare(Tally.class, "b", List.of(Cast.class));

        assertThat(events.batchable("a", Cast.class)).isTrue();
        assertThat(events.batchable("b", Cast.class)).isFalse();
        events.declare(Receipts.class, "b", List.of(Cast.class));
        assertThat(events.batchable("b", Cast.class)).isTrue();
    }
}
