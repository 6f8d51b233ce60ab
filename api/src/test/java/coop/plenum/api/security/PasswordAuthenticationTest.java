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
    private final String aliceHash = bcrypt.encode("alice-password");
    private final ReactiveUserDetailsService users = username -> "alice".equals(username)
            ? Mono.just(new PlenumUser(new AccountId("acc-alice"), "alice", "Alice", aliceHash, false))
            : Mono.empty();
    private final PasswordAuthentication authentication = new PasswordAuthentication(users, countingEncoder,
            new LoginThrottle(LoginThrottleSettings.defaults(), Clock.systemUTC()));

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
}
