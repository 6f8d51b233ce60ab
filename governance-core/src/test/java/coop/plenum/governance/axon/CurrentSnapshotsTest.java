package coop.plenum.governance.axon;

import org.axonframework.eventhandling.AbstractDomainEventEntry;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentSnapshotsTest {

    @Revision("3")
    record Shape(String value) {
    }

    private static DomainEventData<byte[]> snapshotOf(String type, String revision) {
        return new AbstractDomainEventEntry<>("Proposal", "p-1", 10, "e-1", Instant.EPOCH.toString(), type, revision,
                new byte[0], new byte[0]) {
        };
    }

    @Test
    void aSnapshotIsUsedOnlyWithTheRevisionItsClassHasNow() {
        CurrentSnapshots filter = new CurrentSnapshots();
        assertThat(filter.test(snapshotOf(Shape.class.getName(), "3"))).isTrue();
        assertThat(filter.test(snapshotOf(Shape.class.getName(), "2"))).as("written before the shape changed").isFalse();
        assertThat(filter.test(snapshotOf(Shape.class.getName(), null))).isFalse();
        assertThat(filter.test(snapshotOf("coop.plenum.NoSuchSnapshot", "1"))).as("class removed since").isFalse();
    }
}
