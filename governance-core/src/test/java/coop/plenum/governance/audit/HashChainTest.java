package coop.plenum.governance.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HashChainTest {

    private static StoredEvent event(long position, long sequence, String payload) {
        return new StoredEvent(position, "event-" + position, "Proposal", "coop-1", sequence,
                "coop.plenum.governance.proposal.BallotCast", null, "2026-11-30T12:00:00.000Z", "{\"actor\":\"a-1\"}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] head(List<StoredEvent> events) {
        HashChain chain = new HashChain();
        events.forEach(e -> chain.append(e.hash()));
        return chain.head();
    }

    private static List<StoredEvent> log() {
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(event(10 + i, i, "{\"choice\":\"YES\",\"n\":" + i + "}"));
        }
        return events;
    }

    @Test
    void theSameEventsInTheSameOrderGiveTheSameHead() {
        assertThat(head(log())).isEqualTo(head(log()));
    }

    @Test
    void anAlteredRemovedInsertedOrReorderedEventChangesTheHead() {
        byte[] original = head(log());
        List<StoredEvent> altered = log();
        altered.set(2, event(12, 2, "{\"choice\":\"NO\",\"n\":2}"));
        List<StoredEvent> removed = log();
        removed.remove(3);
        List<StoredEvent> inserted = log();
        inserted.add(1, event(10, 0, "{\"forged\":true}"));
        List<StoredEvent> reordered = log();
        Collections.swap(reordered, 1, 2);
        List<StoredEvent> moved = log();
        moved.set(4, event(99, 4, "{\"choice\":\"YES\",\"n\":4}"));
        for (List<StoredEvent> tampered : List.of(altered, removed, inserted, reordered, moved)) {
            assertThat(head(tampered)).isNotEqualTo(original);
        }
    }

    @Test
    void fieldBoundariesAreUnambiguous() {
        // the same bytes split differently between two fields must not hash alike
        StoredEvent a = new StoredEvent(1, "e", "T", "ab", 0, "c", null, "t", new byte[0], new byte[0]);
        StoredEvent b = new StoredEvent(1, "e", "T", "a", 0, "bc", null, "t", new byte[0], new byte[0]);
        assertThat(a.hash()).isNotEqualTo(b.hash());
    }

    @Test
    void aChainContinuesFromAStoredHead() {
        List<StoredEvent> events = log();
        HashChain first = new HashChain();
        events.subList(0, 3).forEach(e -> first.append(e.hash()));
        HashChain resumed = new HashChain(first.head(), first.length());
        events.subList(3, 5).forEach(e -> resumed.append(e.hash()));
        assertThat(resumed.head()).isEqualTo(head(events));
        assertThat(resumed.length()).isEqualTo(5);
    }
}
