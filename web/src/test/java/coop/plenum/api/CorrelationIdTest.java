package coop.plenum.api;

import coop.plenum.support.BootedPlenum;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: {@code X-Correlation-Id} is copied into the audit metadata of every event a request causes, so only a
 * UUID or up to 64 characters of {@code [A-Za-z0-9._:-]} are accepted; anything else is 400 naming the header.
 */
class CorrelationIdTest extends BootedPlenum {

    private String newAccount(String correlation, int status) {
        String username = unique("corr");
        asOperator(http.post().uri("/api/v1/accounts").header("X-Correlation-Id", correlation)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"%s\",\"password\":\"long-enough-password\",\"displayName\":\"C\"}".formatted(username)))
                .exchange().expectStatus().isEqualTo(status);
        return username;
    }

    private String correlationOfTheAccountCreated(String username) {
        return jdbc.queryForObject("select convert_from(e.metadata, 'UTF8')::json->>'correlationId' from domainevententry e "
                + "join plenum_account_login l on l.account_id = e.aggregateidentifier where l.username = ?", String.class, username);
    }

    @Test
    void aUuidOrShortSafeTextIsAcceptedAndRecorded() {
        String uuid = UUID.randomUUID().toString();
        assertThat(correlationOfTheAccountCreated(newAccount(uuid, 201))).isEqualTo(uuid);
        String safe = "batch-7:row.12_" + "x".repeat(49);
        assertThat(safe).hasSize(64);
        assertThat(correlationOfTheAccountCreated(newAccount(safe, 201))).isEqualTo(safe);
    }

    @Test
    void anythingElseIsA400NamingTheHeaderAndStoresNothing() {
        for (String bad : new String[]{"x".repeat(65), "a b", "<script>", "a/b", "a\"b", "{}"}) {
            long before = eventsInTheLog();
            asOperator(http.post().uri("/api/v1/accounts").header("X-Correlation-Id", bad)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"username\":\"%s\",\"password\":\"long-enough-password\",\"displayName\":\"C\"}".formatted(unique("corr"))))
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("request.correlation-id-invalid")
                    .jsonPath("$.field").isEqualTo("X-Correlation-Id");
            assertThat(eventsInTheLog()).as(bad).isEqualTo(before);
        }
    }

    @Test
    void readsAreCheckedToo() {
        asOperator(http.get().uri("/api/v1/accounts/me").header("X-Correlation-Id", "a b"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("X-Correlation-Id");
    }
}
