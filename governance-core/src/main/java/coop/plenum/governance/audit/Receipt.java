package coop.plenum.governance.audit;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Proof that one event (a ballot) is in a cooperative's history: the event's hash and place in the chain, a signed
 * checkpoint, and the RFC 6962 inclusion proof from the event to the checkpoint's Merkle root. Checked with the
 * public key alone ({@link #check}); no export, server or database needed.
 */
public record Receipt(String cooperativeId, long position, long index, String eventType, String aggregateIdentifier,
                      long sequenceNumber, byte[] eventHash, Checkpoint checkpoint, List<byte[]> inclusionProof) {

    /** Null when the receipt holds; otherwise what is wrong with it. */
    public String check(byte[] publicKey) {
        if (checkpoint == null) {
            return "no checkpoint covers this event yet";
        }
        if (!checkpoint.cooperativeId().equals(cooperativeId)) {
            return "the checkpoint is of another cooperative";
        }
        if (!checkpoint.signedBy(publicKey)) {
            return "the checkpoint is not signed by this key";
        }
        if (index >= checkpoint.length()) {
            return "the checkpoint ends before this event";
        }
        if (!MerkleTree.verifyInclusion(MerkleTree.leafHash(eventHash), index, checkpoint.length(), inclusionProof,
                checkpoint.merkleRoot())) {
            return "the inclusion proof does not lead from this event to the signed Merkle root";
        }
        return null;
    }

    /** Whether this receipt is for the event with these canonical fields (e.g. from an export line). */
    public boolean isFor(StoredEvent event) {
        return event.position() == position && Arrays.equals(event.hash(), eventHash);
    }

    @Override
    public String toString() {
        return "Receipt[" + cooperativeId + " #" + index + " at " + position + " " + HexFormat.of().formatHex(eventHash) + "]";
    }
}
