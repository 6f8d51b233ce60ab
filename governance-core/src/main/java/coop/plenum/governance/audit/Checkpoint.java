package coop.plenum.governance.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A signed statement of where a cooperative's history stood: after {@code length} events (the last at log
 * {@code position}), its chain head and the RFC 6962 Merkle root over its event hashes. What is signed is
 * {@link #statement()}, plain text any tool can rebuild: anyone with the public key checks a checkpoint, and
 * nobody without the private key can make one for a rewritten history.
 */
public record Checkpoint(String cooperativeId, long length, long position, byte[] chainHead, byte[] merkleRoot,
                         Instant createdAt, String keyId, byte[] signature) {

    private static final HexFormat HEX = HexFormat.of();

    /** {@code plenum-checkpoint-v1}, then cooperative, length, position, chain head, Merkle root, time: one per line. */
    public byte[] statement() {
        return ("plenum-checkpoint-v1\n" + cooperativeId + "\n" + length + "\n" + position + "\n" + HEX.formatHex(chainHead)
                + "\n" + HEX.formatHex(merkleRoot) + "\n" + createdAt + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public boolean signedBy(byte[] rawPublicKey) {
        return Ed25519.verify(rawPublicKey, statement(), signature);
    }
}
