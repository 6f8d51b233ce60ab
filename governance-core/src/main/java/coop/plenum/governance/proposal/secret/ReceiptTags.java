package coop.plenum.governance.proposal.secret;

import coop.plenum.governance.ids.ProposalId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A voter's receipt in a secret vote: a random secret only the voter keeps (the server hands it out once and never
 * stores it), and its tag, {@code hex(SHA-256("plenum secret ballot receipt v1\n" + proposalId + "\n" + secret))},
 * which is sealed with the ballot and published with it at close. The browser (WebCrypto) and {@code audit} compute
 * the same tag to find the voter's ballot among the revealed ones without telling anybody which it is.
 */
public final class ReceiptTags {

    public static final String DOMAIN = "plenum secret ballot receipt v1";
    /** 22 base64url characters carry 132 bits; a client may bring its own secret of 22 to 128 such characters. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{22,128}");
    private static final Pattern TAG = Pattern.compile("[0-9a-f]{64}");

    private ReceiptTags() {
    }

    /** A fresh secret of 256 random bits, base64url without padding (43 characters). */
    public static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean isWellFormedSecret(String secret) {
        return secret != null && SECRET.matcher(secret).matches();
    }

    public static boolean isWellFormedTag(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }

    public static String tag(ProposalId proposalId, String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (DOMAIN + "\n" + proposalId.value() + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
