package coop.plenum.api.security;

import coop.plenum.governance.account.login.SharedLoginAttemptRecords;
import coop.plenum.governance.storage.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes sharing a PostgreSQL share their sign-in throttling: guesses spread over both count together, a
 * success on one clears the account on the other, and what is stored names no account or address in clear.
 */
class SharedLoginThrottleTest {

    @TempDir
    static Path dir;

    private static EmbeddedPostgresServer postgres;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"));
        DriverManagerDataSource dataSource = new DriverManagerDataSource(postgres.jdbcUrl(), "postgres", "");
        jdbc = new JdbcTemplate(dataSource);
        new ResourceDatabasePopulator(new ClassPathResource("plenum-schema.sql")).execute(dataSource);
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    private final LoginThrottleTest.MutableClock clock = new LoginThrottleTest.MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

    private LoginThrottle node() {
        return new LoginThrottle(LoginThrottleSettings.defaults(), clock, new SharedLoginAttemptRecords(jdbc));
    }

    private static void fail(LoginThrottle node, String username, String client) {
        assertThat(node.attempt(username, client)).isInstanceOf(LoginThrottle.Allowed.class);
        node.failed(username, client);
    }

    @Test
    void guessesSpreadOverTwoNodesCountTogether() {
        LoginThrottle a = node();
        LoginThrottle b = node();
        for (int i = 0; i < 3; i++) {
            fail(a, "rosa", "10.0.0.1");
        }
        fail(b, "rosa", "10.0.0.2");
        fail(b, "rosa", "10.0.0.3");
        assertThat(a.peek("rosa", "10.0.0.4")).as("five failures across both nodes").isEqualTo(new LoginThrottle.Blocked(Duration.ofSeconds(1)));
        assertThat(b.peek("rosa", "10.0.0.5")).isEqualTo(new LoginThrottle.Blocked(Duration.ofSeconds(1)));
    }

    @Test
    void aSuccessOnOneNodeClearsTheAccountOnTheOtherAndTrustsThatClientThere() {
        LoginThrottle a = node();
        LoginThrottle b = node();
        for (int i = 0; i < 5; i++) {
            fail(a, "sam", "10.0.1.1");
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(b.attempt("sam", "10.0.1.9")).isInstanceOf(LoginThrottle.Allowed.class);
        b.succeeded("sam", "10.0.1.9");
        assertThat(a.peek("sam", "10.0.1.1")).isInstanceOf(LoginThrottle.Allowed.class);

        for (int i = 0; i < 5; i++) {
            fail(a, "sam", "10.0.1.1");
        }
        assertThat(a.peek("sam", "10.0.1.1")).isInstanceOf(LoginThrottle.Blocked.class);
        assertThat(a.peek("sam", "10.0.1.9")).as("the client that signed in on node b is trusted on node a").isInstanceOf(LoginThrottle.Allowed.class);
    }

    @Test
    void failuresAreForgottenAfterAnHourAndNoNameOrAddressIsStoredInClear() {
        LoginThrottle a = node();
        for (int i = 0; i < 5; i++) {
            fail(a, "tess", "192.0.2.7");
        }
        assertThat(a.peek("tess", "192.0.2.8")).isInstanceOf(LoginThrottle.Blocked.class);
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(node().peek("tess", "192.0.2.8")).isInstanceOf(LoginThrottle.Allowed.class);

        String stored = String.join(",", jdbc.queryForList("select key_hash from plenum_login_failures", String.class))
                + String.join(",", jdbc.queryForList("select pair_hash from plenum_login_trusted", String.class));
        assertThat(stored).doesNotContain("tess").doesNotContain("192.0.2.7");
    }
}
