package coop.plenum.governance.audit;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A cooperative's events in log order, linked: {@code link(i) = SHA-256(link(i-1) || hash(event i))}, starting from
 * 32 zero bytes. The last link (the chain head) commits to every event before it and to their order: altering,
 * removing, inserting or reordering any of them changes every later link.
 */
public final class HashChain {

    public static final byte[] GENESIS = new byte[MerkleTree.HASH_LENGTH];

    private byte[] head;
    private long length;

    public HashChain() {
        this(GENESIS, 0);
    }

    /** Continues a chain whose head after {@code length} events is {@code head}. */
    public HashChain(byte[] head, long length) {
        if (head == null || head.length != MerkleTree.HASH_LENGTH || length < 0) {
            throw new IllegalArgumentException("a chain head is 32 bytes and a length is not negative");
        }
        this.head = head.clone();
        this.length = length;
    }

    public static byte[] link(byte[] previous, byte[] eventHash) {
        MessageDigest sha = MerkleTree.sha256();
        sha.update(previous);
        sha.update(eventHash);
        return sha.digest();
    }

    /** Appends one event's hash and returns the new head. */
    public byte[] append(byte[] eventHash) {
        head = link(head, eventHash);
        length++;
        return head.clone();
    }

    public byte[] head() {
        return head.clone();
    }

    public long length() {
        return length;
    }

    public boolean headEquals(byte[] other) {
        return Arrays.equals(head, other);
    }
}
