package coop.plenum.governance.audit.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicKeyFileTest {

    private static final byte[] KEY = HexFormat.of().parseHex("9a25a85c32201d5f6603ba8d2c30a0801445185cfcb34d0e5ca1331a75e3458f");

    @TempDir
    Path dir;

    @Test
    void theServersJsonBase64AndHexAllGiveTheSameKey() throws Exception {
        String b64 = Base64.getEncoder().encodeToString(KEY);
        assertThat(PublicKeyFile.read(write("{\"algorithm\":\"Ed25519\",\"keyId\":\"b4\",\"publicKey\":\"" + b64 + "\"}")))
                .isEqualTo(KEY);
        assertThat(PublicKeyFile.read(write(b64 + "\n"))).isEqualTo(KEY);
        assertThat(PublicKeyFile.read(write(HexFormat.of().formatHex(KEY)))).isEqualTo(KEY);
    }

    @Test
    void aSavedErrorAnswerIsNamedAsSuchNotAsABase64Failure() throws Exception {
        Path saved = write("{\"type\":\"urn:plenum:problem:auth.unauthenticated\",\"title\":\"Unauthorized\",\"status\":401}");
        assertThatThrownBy(() -> PublicKeyFile.read(saved))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not hold a 32-byte Ed25519 public key")
                .hasMessageContaining("looks like an error answer");
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() throws Exception {
        assertThatThrownBy(() -> PublicKeyFile.read(write(Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("32-byte");
    }

    private Path write(String text) throws Exception {
        Path file = Files.createTempFile(dir, "key", ".json");
        Files.writeString(file, text);
        return file;
    }
}
