package coop.plenum.governance.audit.offline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A public key file as auditors obtain it: the raw 32-byte Ed25519 key in base64 or hex, or the JSON that
 * {@code GET /api/v1/audit/public-key} answers.
 */
final class PublicKeyFile {

    private static final Pattern JSON_KEY = Pattern.compile("\"publicKey\"\\s*:\\s*\"([^\"]+)\"");

    private PublicKeyFile() {
    }

    static byte[] read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        Matcher json = JSON_KEY.matcher(text);
        if (json.find()) {
            text = json.group(1);
        }
        byte[] raw;
        try {
            raw = text.matches("[0-9a-fA-F]{64}") ? HexFormat.of().parseHex(text) : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            raw = new byte[0];
        }
        if (raw.length != 32) {
            // The usual cause is a saved error page: a curl without credentials stores the 401 problem+json.
            String hint = text.contains("\"status\"") ? " (it looks like an error answer: fetch the key signed in, "
                    + "e.g. curl -u USER:PASSWORD …/api/v1/audit/public-key)" : "";
            throw new IllegalArgumentException(file + " does not hold a 32-byte Ed25519 public key: expected the JSON of "
                    + "GET /api/v1/audit/public-key, or the key in base64 or hex" + hint);
        }
        return raw;
    }
}
