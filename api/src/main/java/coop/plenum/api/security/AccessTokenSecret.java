package coop.plenum.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A personal access token's secret: {@code plnm_} and 256 random bits. Being random and that long, a plain SHA-256
 * is enough to store it (nothing to guess, so no slow hash is needed), and checking one costs microseconds.
 */
public final class AccessTokenSecret {

    static final String PREFIX = "plnm_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessTokenSecret() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lowercase hex SHA-256 of the secret, as stored in the log and the lookup table. */
    public static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
