package coop.plenum.governance.audit;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 8032 §7.1's test vectors verify through the raw-key form auditors use; anything altered does not. */
class Ed25519Test {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc8032VectorsVerifyAndAlteredOnesDoNot() {
        check("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        check("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
                "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    }

    @Test
    void aSignatureMadeHereVerifiesWithTheRawPublicKey() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] message = "checkpoint".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] signature = Ed25519.sign(pair.getPrivate(), message);
        assertThat(signature).hasSize(Ed25519.SIGNATURE_LENGTH);
        assertThat(Ed25519.verify(Ed25519.raw(pair.getPublic()), message, signature)).isTrue();
    }

    private static void check(String publicKey, String message, String signature) {
        byte[] key = HEX.parseHex(publicKey);
        byte[] msg = HEX.parseHex(message);
        byte[] sig = HEX.parseHex(signature);
        assertThat(Ed25519.verify(key, msg, sig)).isTrue();
        byte[] badSig = sig.clone();
        badSig[0] ^= 1;
        assertThat(Ed25519.verify(key, msg, badSig)).isFalse();
        byte[] longer = java.util.Arrays.copyOf(msg, msg.length + 1);
        assertThat(Ed25519.verify(key, longer, sig)).isFalse();
        byte[] badKey = key.clone();
        badKey[31] ^= 1;
        assertThat(Ed25519.verify(badKey, msg, sig)).isFalse();
        assertThat(Ed25519.verify(java.util.Arrays.copyOf(key, 31), msg, sig)).isFalse();
        assertThat(Ed25519.verify(key, msg, new byte[64])).isFalse();
        assertThat(Ed25519.verify(null, msg, sig)).isFalse();
    }
}
