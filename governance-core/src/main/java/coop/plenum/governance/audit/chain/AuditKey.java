package coop.plenum.governance.audit.chain;

import coop.plenum.governance.audit.Ed25519;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The node's Ed25519 key that signs checkpoints. It lives outside the database, so whoever can write to the database
 * but cannot read this file (or the {@code PLENUM_AUDIT_KEY} variable) cannot re-sign a rewritten history: from
 * {@code plenum.audit.key} (base64 PKCS#8) when set, else {@code <data dir>/audit/checkpoint-key.pk8}, created with
 * owner-only permissions on first start.
 */
@Component
public class AuditKey {

    private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

    private final PrivateKey privateKey;
    private final byte[] publicKey;
    private final String keyId;

    AuditKey(@Value("${plenum.audit.key:}") String configured, @Value("${plenum.data-dir:./data}") Path dataDir) {
        try {
            KeyPair pair = configured.isBlank() ? fromFile(dataDir.resolve("audit").resolve("checkpoint-key.pk8"))
                    : fromPkcs8(Base64.getDecoder().decode(configured.strip()));
            this.privateKey = pair.getPrivate();
            this.publicKey = Ed25519.raw(pair.getPublic());
            this.keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey)).substring(0, 16);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The audit signing key (plenum.audit.key / PLENUM_AUDIT_KEY) is not a base64 PKCS#8 Ed25519 key", e);
        }
    }

    public byte[] sign(byte[] statement) {
        return Ed25519.sign(privateKey, statement);
    }

    /** The raw 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The first 16 hex digits of SHA-256 of the public key, to tell keys apart. */
    public String keyId() {
        return keyId;
    }

    private static KeyPair fromFile(Path file) throws GeneralSecurityException {
        try {
            if (Files.exists(file)) {
                return fromPkcs8(Files.readAllBytes(file));
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(file.getParent());
            Files.write(file, pair.getPrivate().getEncoded());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.warn("Could not make {} readable by its owner only on this file system", file);
            }
            log.info("Created the audit signing key {}; keep a copy of it, and keep it away from the database", file);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the audit signing key " + file, e);
        }
    }

    static KeyPair fromPkcs8(byte[] pkcs8) throws GeneralSecurityException {
        EdECPrivateKey key = (EdECPrivateKey) KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        byte[] seed = key.getBytes().orElseThrow(() -> new GeneralSecurityException("the key has no private bytes"));
        // the JDK has no call that derives an Ed25519 public key from a private one; generating the pair from the
        // key's own seed (RFC 8032 §5.1.5) gives exactly that pair
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        });
        return generator.generateKeyPair();
    }
}
