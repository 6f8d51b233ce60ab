package coop.plenum.governance.audit.chain;

import coop.plenum.governance.audit.Checkpoint;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checkpoint signatures this node has signed itself or already found valid, remembered (in memory only, bounded) by a
 * SHA-256 over the public key, the signed statement and the signature. A verification checks every checkpoint, and
 * the JDK's Ed25519 takes ~1–3 ms per signature: a million events closing a thousand votes carry a thousand
 * checkpoints, which cost as much CPU as hashing the events themselves (profiled, issue 11). A checkpoint whose exact
 * bytes were verified before needs no second check; a row changed in any byte (statement or signature) misses the
 * memory and is checked in full, so an edit to the checkpoint table is still found. Someone who can write to the
 * database cannot write to this memory.
 */
@Component
public class VerifiedSignatures {

    static final int MAX_ENTRIES = 100_000;

    private final Map<ByteBuffer, Boolean> valid = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** Whether the checkpoint is signed by the key, from memory when these exact bytes were checked before. */
    public boolean signedBy(Checkpoint checkpoint, byte[] publicKey) {
        ByteBuffer fingerprint = fingerprint(checkpoint, publicKey);
        synchronized (valid) {
            if (valid.containsKey(fingerprint)) {
                return true;
            }
        }
        boolean signed = checkpoint.signedBy(publicKey);
        if (signed) {
            remember(fingerprint);
        }
        return signed;
    }

    /** A checkpoint this node just signed with the key whose public half is given. */
    void signed(Checkpoint checkpoint, byte[] publicKey) {
        remember(fingerprint(checkpoint, publicKey));
    }

    int size() {
        synchronized (valid) {
            return valid.size();
        }
    }

    private void remember(ByteBuffer fingerprint) {
        synchronized (valid) {
            valid.put(fingerprint, Boolean.TRUE);
        }
    }

    private static ByteBuffer fingerprint(Checkpoint checkpoint, byte[] publicKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("plenum-verified-checkpoint\n".getBytes(StandardCharsets.US_ASCII));
            sha.update(ByteBuffer.allocate(4).putInt(publicKey.length).array());
            sha.update(publicKey);
            byte[] statement = checkpoint.statement();
            sha.update(ByteBuffer.allocate(4).putInt(statement.length).array());
            sha.update(statement);
            byte[] signature = checkpoint.signature() == null ? new byte[0] : checkpoint.signature();
            sha.update(ByteBuffer.allocate(4).putInt(signature.length).array());
            sha.update(signature);
            return ByteBuffer.wrap(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
