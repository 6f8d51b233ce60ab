package coop.plenum.governance.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * One event exactly as the log stores it, and its canonical bytes: what the audit chain hashes and what an export
 * carries, so that any change to a stored row (payload, metadata, type, order, position) changes the hash.
 * <p>
 * Canonical form (documented in docs/audit.md for independent verifiers): the ASCII tag {@code plenum-event-v1},
 * then each field in this order, every one preceded by its length as a 4-byte big-endian integer: position
 * (8 bytes, big-endian), event id, aggregate type, aggregate id, sequence number (8 bytes), payload type, payload
 * revision, timestamp (the stored ISO-8601 text), metadata (stored bytes), payload (stored bytes); texts in
 * UTF-8, an absent text as zero bytes.
 */
public record StoredEvent(long position, String eventIdentifier, String aggregateType, String aggregateIdentifier,
                          long sequenceNumber, String payloadType, String payloadRevision, String timestamp,
                          byte[] metaData, byte[] payload) {

    private static final byte[] TAG = "plenum-event-v1".getBytes(StandardCharsets.US_ASCII);

    public byte[] canonicalBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + length(metaData) + length(payload));
        field(out, TAG);
        field(out, ByteBuffer.allocate(8).putLong(position).array());
        field(out, utf8(eventIdentifier));
        field(out, utf8(aggregateType));
        field(out, utf8(aggregateIdentifier));
        field(out, ByteBuffer.allocate(8).putLong(sequenceNumber).array());
        field(out, utf8(payloadType));
        field(out, utf8(payloadRevision));
        field(out, utf8(timestamp));
        field(out, metaData == null ? new byte[0] : metaData);
        field(out, payload == null ? new byte[0] : payload);
        return out.toByteArray();
    }

    /** SHA-256 of the canonical bytes: the event's hash in the chain, in receipts and in the Merkle tree's leaves. */
    public byte[] hash() {
        // the canonical bytes fed to the digest field by field: the same bytes as canonicalBytes(), without first
        // copying a whole event into one array (a verification hashes a million of them)
        MessageDigest sha = MerkleTree.sha256();
        ByteBuffer number = ByteBuffer.allocate(8);
        digestField(sha, number, TAG);
        digestNumber(sha, number, position);
        digestField(sha, number, utf8(eventIdentifier));
        digestField(sha, number, utf8(aggregateType));
        digestField(sha, number, utf8(aggregateIdentifier));
        digestNumber(sha, number, sequenceNumber);
        digestField(sha, number, utf8(payloadType));
        digestField(sha, number, utf8(payloadRevision));
        digestField(sha, number, utf8(timestamp));
        digestField(sha, number, metaData == null ? new byte[0] : metaData);
        digestField(sha, number, payload == null ? new byte[0] : payload);
        return sha.digest();
    }

    private static void digestField(MessageDigest sha, ByteBuffer scratch, byte[] bytes) {
        sha.update(scratch.clear().putInt(bytes.length).array(), 0, 4);
        sha.update(bytes);
    }

    private static void digestNumber(MessageDigest sha, ByteBuffer scratch, long value) {
        sha.update(scratch.clear().putInt(8).array(), 0, 4);
        sha.update(scratch.clear().putLong(value).array(), 0, 8);
    }

    private static void field(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static byte[] utf8(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
