package coop.plenum.governance.audit;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.WithNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class StoredEventHashTest {

    /** Independent verifiers hash the documented canonical bytes; the server's streamed hash must be that same hash. */
    @Property(tries = 300)
    void theHashIsTheSha256OfTheDocumentedCanonicalBytes(@ForAll long position, @ForAll @WithNull String eventId,
                                                         @ForAll @WithNull String aggregateType, @ForAll String aggregateId,
                                                         @ForAll long sequence, @ForAll @WithNull String payloadType,
                                                         @ForAll @WithNull String revision, @ForAll @WithNull String timestamp,
                                                         @ForAll @WithNull byte[] metaData, @ForAll @WithNull byte[] payload) throws Exception {
        StoredEvent event = new StoredEvent(position, eventId, aggregateType, aggregateId, sequence, payloadType, revision,
                timestamp, metaData, payload);

        assertThat(event.hash()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(event.canonicalBytes()));
    }

    @org.junit.jupiter.api.Test
    void theCanonicalFormOfAKnownEventHasAFixedHash() {
        StoredEvent event = new StoredEvent(7, "e1", "Proposal", "p1", 3, "coop.plenum.BallotCast", null,
                "2026-12-01T07:00:00Z", "{}".getBytes(StandardCharsets.UTF_8), "{\"choice\":\"YES\"}".getBytes(StandardCharsets.UTF_8));

        // pinned so a change to the canonical form (which would orphan every chain already stored) cannot pass unnoticed
        assertThat(HexFormat.of().formatHex(event.hash())).isEqualTo("3b9b2469e2a9f97f78786d4b878b75093a6686db2a45f0b9e1a8d4904c8205dd");
        assertThat(event.canonicalBytes()).startsWith("\0\0\0\u000fplenum-event-v1".getBytes(StandardCharsets.US_ASCII));
    }
}
