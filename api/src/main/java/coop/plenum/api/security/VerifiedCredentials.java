package coop.plenum.api.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Credentials that passed the bcrypt check a moment ago, so that a script sending HTTP Basic on every request pays
 * bcrypt once per {@code plenum.security.verified-credentials-ttl} (default 60 s) instead of on every request (at the
 * default cost 10, ~70 ms of CPU each: the API's throughput with Basic was bcrypt's).
 * <p>
 * What is kept is safe to keep: an HMAC, under a random key made at start and never stored, of the username, the
 * password and the account's current password hash, with an expiry; never the password. A changed password changes
 * the stored hash, so the old entry no longer matches anything; entries expire after the TTL; at most
 * {@code max-entries} are kept (least recently used dropped). Only successful checks are remembered, so an unknown
 * username or a wrong password always costs a full bcrypt check (no timing difference for guesses), and the sign-in
 * throttle is asked before this cache, so a blocked account stays blocked even for the right password.
 */
final class VerifiedCredentials {

    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final SecretKeySpec key;
    private final Map<String, Instant> expiries;

    VerifiedCredentials(Clock clock, Duration ttl, int maxEntries) {
        if (ttl.isNegative() || ttl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("plenum.security.verified-credentials-ttl must be between 0s (off) and 1h, was " + ttl);
        }
        if (maxEntries < 1 || maxEntries > 1_000_000) {
            throw new IllegalArgumentException("plenum.security.verified-credentials-max-entries must be 1–1,000,000, was " + maxEntries);
        }
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.expiries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** Whether these exact credentials, against this password hash, passed a check less than the TTL ago. */
    boolean recentlyVerified(String username, String password, String passwordHash) {
        if (ttl.isZero()) {
            return false;
        }
        String entry = entry(username, password, passwordHash);
        Instant now = clock.instant();
        synchronized (expiries) {
            Instant expiry = expiries.get(entry);
            if (expiry == null) {
                return false;
            }
            if (!now.isBefore(expiry)) {
                expiries.remove(entry);
                return false;
            }
            return true;
        }
    }

    /** Remembers credentials that have just passed the bcrypt check. */
    void verified(String username, String password, String passwordHash) {
        if (ttl.isZero()) {
            return;
        }
        String entry = entry(username, password, passwordHash);
        Instant expiry = clock.instant().plus(ttl);
        synchronized (expiries) {
            expiries.put(entry, expiry);
            while (expiries.size() > maxEntries) {
                expiries.remove(expiries.keySet().iterator().next());
            }
        }
    }

    int size() {
        synchronized (expiries) {
            return expiries.size();
        }
    }

    private String entry(String username, String password, String passwordHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // lengths first, so that no two different triples give the same bytes
            for (String part : new String[] {username, password, passwordHash}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
