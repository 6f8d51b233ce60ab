package coop.plenum.governance.audit.chain;

import coop.plenum.governance.audit.Checkpoint;
import coop.plenum.governance.audit.Ed25519;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedSignaturesTest {

    private final KeyPair pair = generate();
    private final byte[] publicKey = Ed25519.raw(pair.getPublic());

    @Test
    void aCheckpointThisNodeSignedIsRememberedAsValid() {
        VerifiedSignatures verified = new VerifiedSignatures();
        Checkpoint checkpoint = signed(100);

        verified.signed(checkpoint, publicKey);

        assertThat(verified.size()).isEqualTo(1);
        assertThat(verified.signedBy(checkpoint, publicKey)).isTrue();
    }

    @Test
    void aRememberedCheckpointChangedInAnyByteIsCheckedInFullAndFound() {
        VerifiedSignatures verified = new VerifiedSignatures();
        Checkpoint checkpoint = signed(100);
        verified.signed(checkpoint, publicKey);

        byte[] otherHead = checkpoint.chainHead().clone();
        otherHead[0] ^= 1;
        Checkpoint rewrittenHead = new Checkpoint(checkpoint.cooperativeId(), checkpoint.length(), checkpoint.position(),
                otherHead, checkpoint.merkleRoot(), checkpoint.createdAt(), checkpoint.keyId(), checkpoint.signature());
        byte[] otherSignature = checkpoint.signature().clone();
        otherSignature[63] ^= 1;
        Checkpoint forgedSignature = new Checkpoint(checkpoint.cooperativeId(), checkpoint.length(), checkpoint.position(),
                checkpoint.chainHead(), checkpoint.merkleRoot(), checkpoint.createdAt(), checkpoint.keyId(), otherSignature);

        assertThat(verified.signedBy(rewrittenHead, publicKey)).isFalse();
        assertThat(verified.signedBy(forgedSignature, publicKey)).isFalse();
        assertThat(verified.size()).isEqualTo(1);
    }

    @Test
    void aValidSignatureIsRememberedOnlyForTheKeyItWasCheckedWith() {
        VerifiedSignatures verified = new VerifiedSignatures();
        Checkpoint checkpoint = signed(7);
        byte[] otherKey = Ed25519.raw(generate().getPublic());

        assertThat(verified.signedBy(checkpoint, publicKey)).isTrue();
        assertThat(verified.size()).isEqualTo(1);
        assertThat(verified.signedBy(checkpoint, otherKey)).isFalse();
        assertThat(verified.size()).isEqualTo(1);
    }

    private Checkpoint signed(long length) {
        byte[] head = new byte[32];
        Arrays.fill(head, (byte) length);
        Checkpoint unsigned = new Checkpoint("coop-1", length, length + 5, head, new byte[32],
                Instant.parse("2026-12-01T08:00:00Z"), "key", null);
        return new Checkpoint(unsigned.cooperativeId(), unsigned.length(), unsigned.position(), unsigned.chainHead(),
                unsigned.merkleRoot(), unsigned.createdAt(), unsigned.keyId(), Ed25519.sign(pair.getPrivate(), unsigned.statement()));
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
