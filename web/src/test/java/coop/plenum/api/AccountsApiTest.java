package coop.plenum.api;

import coop.plenum.support.BootedPlenum;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AccountsApiTest extends BootedPlenum {

    @Test
    void theBootstrapOperatorSignsInWithThePasswordFromTheEnvironment() {
        asOperator(http.get().uri("/api/v1/accounts/me")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo("admin").jsonPath("$.operator").isEqualTo(true);
    }

    @Test
    void aCreatedAccountCanSignInAtOnce() {
        String username = unique("ann");
        String id = createAccount(username, "Ann Example");
        http.get().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth(username, username + "-password"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.accountId").isEqualTo(id).jsonPath("$.displayName").isEqualTo("Ann Example")
                .jsonPath("$.createdAt").isNotEmpty();
    }

    @Test
    void aTakenUsernameIsAConflictAndStoresNothing() {
        String username = unique("dup");
        createAccount(username, "First");
        long before = eventsInTheLog();
        asOperator(http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + username + "\",\"password\":\"long-enough\",\"displayName\":\"Second\"}"))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("account.username-taken");
        org.assertj.core.api.Assertions.assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void aShortPasswordIsRejectedNamingTheField() {
        asOperator(http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + unique("pw") + "\",\"password\":\"short\",\"displayName\":\"P\"}"))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("password").jsonPath("$.status").isEqualTo(400);
    }

    @Test
    void anInvalidUsernameIsRejectedNamingTheField() {
        asOperator(http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"a b\",\"password\":\"long-enough\",\"displayName\":\"P\"}"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("username").jsonPath("$.code").isEqualTo("account.username-invalid");
    }

    @Test
    void onlyOperatorsCreateAccounts() {
        String username = unique("plain");
        createAccount(username, "Plain Member");
        http.post().uri("/api/v1/accounts").headers(h -> h.setBasicAuth(username, username + "-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + unique("x") + "\",\"password\":\"long-enough\",\"displayName\":\"X\"}")
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
    }

    @Test
    void anonymousCallsAreUnauthorizedWithAProblem() {
        http.get().uri("/api/v1/accounts/me").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("auth.unauthenticated");
        http.get().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth("admin", "wrong-password"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        String huge = "{\"username\":\"big\",\"password\":\"long-enough\",\"displayName\":\"" + "x".repeat(300_000) + "\"}";
        asOperator(http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue(huge))
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("request.too-large");
    }

    @Test
    void malformedJsonIsABadRequest() {
        asOperator(http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"username\":"))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
