package coop.plenum.governance.notification.delivery;

import coop.plenum.governance.audit.chain.AuditKey;
import coop.plenum.governance.notification.NotificationKind;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One-click unsubscribe links: {@code /notifications/unsubscribe?account=…&kind=…&signature=…}, the signature an
 * HMAC-SHA256 of account and kind. The key is never in the database: the configured
 * {@code plenum.notifications.link-secret}, or else derived from the node's audit signing key (Ed25519 signatures are
 * deterministic, so signing a fixed statement gives a stable secret only the key's holder can compute).
 */
public final class UnsubscribeLinks {

    public static final String PATH = "/notifications/unsubscribe";
    private final byte[] key;

    public UnsubscribeLinks(byte[] key) {
        this.key = key.clone();
    }

    static UnsubscribeLinks of(NotificationMailProperties properties, AuditKey auditKey) {
        if (properties.linkSecret() != null && !properties.linkSecret().isBlank()) {
            return new UnsubscribeLinks(sha256(properties.linkSecret().getBytes(StandardCharsets.UTF_8)));
        }
        return new UnsubscribeLinks(sha256(auditKey.sign("plenum unsubscribe links v1".getBytes(StandardCharsets.UTF_8))));
    }

    /** The path (with query) that unsubscribes {@code accountId} from email of {@code kind}. */
    public String path(String accountId, NotificationKind kind) {
        return PATH + "?account=" + java.net.URLEncoder.encode(accountId, StandardCharsets.UTF_8) + "&kind=" + kind.name() + "&signature=" + signature(accountId, kind.name());
    }

    /** The kind a link unsubscribes from when its signature is right; empty for a tampered or unknown one. */
    public Optional<NotificationKind> verify(String accountId, String kind, String signature) {
        if (accountId == null || kind == null || signature == null) {
            return Optional.empty();
        }
        byte[] expected = signature(accountId, kind).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Optional.of(NotificationKind.valueOf(kind));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private String signature(String accountId, String kind) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            // the separator cannot occur in an account id, so (a, b|c) and (a|b, c) never sign alike
            return HexFormat.of().formatHex(mac.doFinal((accountId + "\n" + kind).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
