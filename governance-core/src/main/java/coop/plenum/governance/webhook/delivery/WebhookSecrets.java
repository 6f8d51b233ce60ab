package coop.plenum.governance.webhook.delivery;

import coop.plenum.governance.webhook.WebhookId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Each webhook's signing secret, derived (HMAC-SHA256) from the instance's webhook key and the webhook's id, so no
 * secret is ever stored, in the log or elsewhere: whoever reads the database learns nothing to forge signatures with.
 * The key comes from {@code plenum.webhooks.key} (base64, at least 32 bytes; set the same one on every node of a
 * cluster) or else {@code <data dir>/webhooks/secret-key}, created with owner-only permissions on first start.
 * Losing the key changes every webhook's secret (register the webhooks again).
 */
@Component
public class WebhookSecrets {

    private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);
    static final String PREFIX = "whsec_";

    private final byte[] key;

    WebhookSecrets(WebhookSettings settings, @Value("${plenum.data-dir:./data}") Path dataDir) {
        this.key = settings.key().isBlank() ? fromFile(dataDir.resolve("webhooks").resolve("secret-key"))
                : fromConfiguration(settings.key());
    }

    /** The secret the receiver verifies signatures with; the API shows it once, when the webhook is registered. */
    public String secretOf(WebhookId webhookId) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac(key, ("webhook-secret:" + webhookId.value()).getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code sha256=<hex>}: HMAC-SHA256 of the body keyed by the secret's UTF-8 bytes. */
    public static String signature(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] fromConfiguration(String configured) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("plenum.webhooks.key (PLENUM_WEBHOOKS_KEY) is not base64", e);
        }
        if (decoded.length < 32) {
            throw new IllegalStateException("plenum.webhooks.key (PLENUM_WEBHOOKS_KEY) holds at least 32 bytes");
        }
        return decoded;
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readAllBytes(file);
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(file.getParent());
            Files.write(file, fresh);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.warn("Could not make {} readable by its owner only on this file system", file);
            }
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the webhook key " + file, e);
        }
    }
}
