package coop.plenum.api.security;

import coop.plenum.governance.account.AccountId;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordAuthenticationTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(5);
    private final PasswordEncoder countingEncoder = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String hash) {
            bcryptChecks.incrementAndGet();
            assertThat(hash).as("every check runs at the configured cost").startsWith("$2a$05$");
            return bcrypt.matches(raw, hash);
        }
    };
    private volatile String aliceHash = bcrypt.encode("alice-password");
    private final ReactiveUserDetailsService users = username -> "alice".equals(username)
            ? Mono.just(new PlenumUser(new AccountId("acc-alice"), "alice", "Alice", aliceHash, false))
            : Mono.empty();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final PasswordAuthentication authentication = new PasswordAuthentication(users, countingEncoder,
            new LoginThrottle(LoginThrottleSettings.defaults(), clock), new VerifiedCredentials(clock, Duration.ofSeconds(60), 100));

    private Authentication signIn(String username, String password) {
        return authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password)).block();
    }

    @Test
    void anUnknownUsernameCostsTheSameBcryptCheckAsAWrongPassword() {
        assertThatThrownBy(() -> signIn("alice", "wrong-password")).isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks).hasValue(1);
        assertThatThrownBy(() -> signIn("nobody", "wrong-password")).isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void theRightPasswordSignsInWithOneBcryptCheck() {
        Authentication signedIn = signIn("  Alice ", "alice-password");
        assertThat(signedIn.isAuthenticated()).isTrue();
        assertThat(((PlenumUser) signedIn.getPrincipal()).accountId()).isEqualTo(new AccountId("acc-alice"));
        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void aThrottledAttemptIsRefusedWithoutAnyBcryptCheck() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn("alice", "guess")).isInstanceOf(BadCredentialsException.class);
        }
        bcryptChecks.set(0);
        assertThatThrownBy(() -> signIn("alice", "alice-password")).isInstanceOf(LoginThrottled.class);
        assertThat(bcryptChecks).hasValue(0);
    }

    @Test
    void theRightPasswordAgainWithinTheTtlSkipsBcryptAndAfterItChecksAgain() {
        signIn("alice", "alice-password");
        clock.advance(Duration.ofSeconds(59));
        assertThat(signIn("alice", "alice-password").isAuthenticated()).isTrue();
        assertThat(bcryptChecks).as("remembered for the TTL").hasValue(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(signIn("alice", "alice-password").isAuthenticated()).isTrue();
        assertThat(bcryptChecks).as("expired: checked by bcrypt again").hasValue(2);
    }

    @Test
    void aWrongPasswordAfterARightOneIsStillCheckedByBcryptAndRefused() {
        signIn("alice", "alice-password");
        assertThatThrownBy(() -> signIn("alice", "alice-passwordX")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("alice", "")).isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void aChangedPasswordHashMakesTheRememberedCredentialsWorthNothing() {
        signIn("alice", "alice-password");
        aliceHash = bcrypt.encode("new-password");
        assertThatThrownBy(() -> signIn("alice", "alice-password")).as("the old password, right after the change")
                .isInstanceOf(BadCredentialsException.class);
        assertThat(signIn("alice", "new-password").isAuthenticated()).isTrue();
        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void aThrottledClientIsRefusedEvenWithCredentialsVerifiedAMomentAgo() {
        signIn("alice", "alice-password");
        for (int i = 0; i < 20; i++) {
            String username = "nobody-" + i;
            assertThatThrownBy(() -> signIn(username, "guess")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn("alice", "alice-password")).as("the throttle answers before the cache")
                .isInstanceOf(LoginThrottled.class);
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() {
        PasswordAuthentication uncached = new PasswordAuthentication(users, countingEncoder,
                new LoginThrottle(LoginThrottleSettings.defaults(), clock), new VerifiedCredentials(clock, Duration.ZERO, 100));
        uncached.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("alice", "alice-password")).block();
        uncached.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("alice", "alice-password")).block();
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void atMostMaxEntriesCredentialsAreRemembered() {
        VerifiedCredentials small = new VerifiedCredentials(clock, Duration.ofSeconds(60), 2);
        small.verified("a", "pa", "h");
        small.verified("b", "pb", "h");
        small.verified("c", "pc", "h");
        assertThat(small.size()).isEqualTo(2);
        assertThat(small.recentlyVerified("a", "pa", "h")).as("the least recently used went").isFalse();
        assertThat(small.recentlyVerified("c", "pc", "h")).isTrue();
        assertThat(small.recentlyVerified("c", "pc", "h2")).as("another password hash").isFalse();
        assertThat(small.recentlyVerified("c", "pC", "h")).isFalse();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
