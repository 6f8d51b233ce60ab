package coop.plenum.governance.audit.chain;

import coop.plenum.governance.audit.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void theKeyIsCreatedOnceOwnerOnlyAndTheSameAfterARestart() throws Exception {
        AuditKey first = new AuditKey("", dataDir);
        Path file = dataDir.resolve("audit").resolve("checkpoint-key.pk8");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        AuditKey again = new AuditKey("", dataDir);
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(again.keyId()).isEqualTo(first.keyId()).hasSize(16);
        byte[] statement = "plenum-checkpoint-v1\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Ed25519.verify(first.publicKey(), statement, again.sign(statement))).isTrue();
    }

    @Test
    void aKeyFromTheEnvironmentSignsForItsOwnPublicKey() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        AuditKey key = new AuditKey(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()), dataDir);
        assertThat(key.publicKey()).isEqualTo(Ed25519.raw(pair.getPublic()));
        assertThat(Files.exists(dataDir.resolve("audit"))).isFalse();
    }

    @Test
    void anUnreadableConfiguredKeyStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> new AuditKey("not-a-key", dataDir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PLENUM_AUDIT_KEY");
    }
}
