package coop.plenum.governance.proposal.secret;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.proposal.ProposalInputRules;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Seals and opens secret ballots: AES-256-GCM with a random 96-bit nonce; the associated data binds a sealed ballot
 * to its vote and member, so that one cannot be replayed as another's. Before encryption the ballot is framed
 * (4-byte length, JSON) and padded with zeros to ONE length for the whole vote ({@link #paddedLength}): "YES" and
 * "ABSTAIN", or two approvals and five, give ciphertexts of the same size.
 */
public final class SealedBallots {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NONCE = 12;
    private static final int GCM_TAG_BITS = 128;

    private SealedBallots() {
    }

    public static byte[] newKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }

    /**
     * A length no valid ballot of the vote exceeds: the tag and field names, each option id twice (a ranking or
     * approval names it, a score names it with up to 11 digits) and, for CONSENT (an objection carries its reason),
     * the longest reason with every character escaped by JSON. Rounded up to 64 bytes.
     */
    public static int paddedLength(VoteMethod method, List<ProposalOption> options) {
        int length = 256;
        for (ProposalOption option : options) {
            length += 2 * option.id().length() + 24;
        }
        if (method == VoteMethod.CONSENT) {
            length += 6 * ProposalInputRules.MAX_REASON;
        }
        return (length + 63) / 64 * 64;
    }

    public static String seal(byte[] key, ProposalId proposalId, MemberId memberId, int paddedLength,
                              SecretBallotBody body, SecureRandom random) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a ballot body is plain data", e);
        }
        if (json.length > paddedLength) {
            throw new coop.plenum.kernel.InvalidInput("ballot", "ballot.too-long",
                    "this ballot is longer than any ballot of this vote can be");
        }
        ByteBuffer plain = ByteBuffer.allocate(4 + paddedLength);
        plain.putInt(json.length).put(json);
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(GCM_TAG_BITS, nonce));
            cipher.updateAAD(associated(proposalId, memberId));
            byte[] sealed = cipher.doFinal(plain.array());
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every Java runtime", e);
        }
    }

    /** Opens a sealed ballot with the vote's key; fails if the key, the vote or the member is not the sealing one. */
    public static SecretBallotBody open(byte[] key, ProposalId proposalId, MemberId memberId, String sealed) {
        return new Opener(key).open(proposalId, memberId, sealed);
    }

    /**
     * Opens many ballots of one vote with one cipher, re-initialised with each ballot's nonce (allowed for
     * decryption): at the close of 100,000 ballots a new Cipher and key schedule per ballot cost more than decrypting
     * them (docs/performance.md, "End to end"). Not thread-safe: one per close.
     */
    public static final class Opener {
        private final SecretKeySpec key;
        private final Cipher cipher;

        public Opener(byte[] key) {
            this.key = new SecretKeySpec(key, "AES");
            try {
                this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is in every Java runtime", e);
            }
        }

        /** As {@link SealedBallots#open}. */
        public SecretBallotBody open(ProposalId proposalId, MemberId memberId, String sealed) {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            try {
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(GCM_TAG_BITS, bytes, 0, NONCE));
                cipher.updateAAD(associated(proposalId, memberId));
                ByteBuffer plain = ByteBuffer.wrap(cipher.doFinal(bytes, NONCE, bytes.length - NONCE));
                byte[] json = new byte[plain.getInt()];
                plain.get(json);
                return JSON.readValue(json, SecretBallotBody.class);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("a sealed ballot of " + proposalId + " does not open with its vote's key", e);
            }
        }
    }

    private static byte[] associated(ProposalId proposalId, MemberId memberId) {
        return (proposalId.value() + "\n" + memberId.value()).getBytes(StandardCharsets.UTF_8);
    }
}
