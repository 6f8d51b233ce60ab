package coop.plenum.security;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10: scripts paid a bcrypt check (~70 ms CPU) on every request; they now send a personal access token. */
class PersonalAccessTokensTest extends BootedPlenum {

    @org.springframework.beans.factory.annotation.Autowired
    coop.plenum.governance.account.login.AccessTokenUses uses;

    private static final String SOLAR = "{\"title\":\"Solar roof\",\"body\":\"Panels on the depot\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}";

    private static Consumer<org.springframework.http.HttpHeaders> password(String username) {
        return h -> h.setBasicAuth(username, username + "-password");
    }

    private static Consumer<org.springframework.http.HttpHeaders> bearer(String token) {
        return h -> h.setBearerAuth(token);
    }

    private JsonNode issue(String username, String body) {
        return http.post().uri("/api/v1/accounts/me/tokens").headers(password(username))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec me(String token) {
        return http.get().uri("/api/v1/accounts/me").headers(bearer(token)).exchange();
    }

    private WebTestClient.ResponseSpec propose(String coop, Consumer<org.springframework.http.HttpHeaders> auth) {
        return http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(auth)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(SOLAR).exchange();
    }

    @Test
    void aTokenWorksTheMomentItIsCreatedAndIsRefusedTheMomentItIsRevoked() {
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Token");
        String coop = foundCooperative(riverside(aliceId));

        JsonNode created = issue(alice, "{\"name\":\"nightly export\",\"scope\":\"read-write\"}");
        String token = created.get("token").asText();
        assertThat(token).startsWith("plnm_").hasSizeGreaterThan(40);
        assertThat(created.get("scope").asText()).isEqualTo("read-write");

        me(token).expectStatus().isOk().expectBody().jsonPath("$.accountId").isEqualTo(aliceId);
        propose(coop, bearer(token)).expectStatus().isCreated();

        http.delete().uri("/api/v1/accounts/me/tokens/{t}", created.get("tokenId").asText()).headers(password(alice))
                .exchange().expectStatus().isNoContent();
        me(token).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("auth.unauthenticated");
    }

    @Test
    void aReadTokenReadsButEveryWriteIsForbiddenAndStoresNothing() {
        String reader = unique("reader");
        String readerId = createAccount(reader, "Reader");
        String coop = foundCooperative(riverside(readerId));
        String token = issue(reader, "{\"name\":\"dashboard\",\"scope\":\"read\"}").get("token").asText();

        http.get().uri("/api/v1/cooperatives/{c}", coop).headers(bearer(token)).exchange().expectStatus().isOk();
        http.head().uri("/api/v1/accounts/me").headers(bearer(token)).exchange().expectStatus().isOk();
        long before = eventsInTheLog();
        propose(coop, bearer(token)).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("auth.token-read-only");
        http.delete().uri("/api/v1/cooperatives/{c}/proposals/x/ballots/y", coop).headers(bearer(token))
                .exchange().expectStatus().isForbidden();
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void anExpiredTokenIsUnauthorized() throws Exception {
        String owner = unique("brief");
        createAccount(owner, "Brief Token");
        Instant expiresAt = Instant.now().plusSeconds(2);
        String token = issue(owner, "{\"name\":\"short-lived\",\"scope\":\"read\",\"expiresAt\":\"" + expiresAt + "\"}")
                .get("token").asText();
        me(token).expectStatus().isOk();

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 100);
        me(token).expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/v1/accounts/me/tokens").headers(password(owner)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].expired").isEqualTo(true);
    }

    @Test
    void anotherAccountCannotRevokeMyToken() {
        String alice = unique("mine");
        createAccount(alice, "Token Owner");
        String bob = unique("other");
        createAccount(bob, "Someone Else");
        JsonNode created = issue(alice, "{\"name\":\"ci\",\"scope\":\"read\"}");

        long before = eventsInTheLog();
        http.delete().uri("/api/v1/accounts/me/tokens/{t}", created.get("tokenId").asText()).headers(password(bob))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("access-token.not-found");
        assertThat(eventsInTheLog()).isEqualTo(before);
        me(created.get("token").asText()).expectStatus().isOk();
    }

    @Test
    void theSecretIsShownOnceAndOnlyItsSha256IsStored() throws Exception {
        String owner = unique("secret");
        createAccount(owner, "Secret Keeper");
        JsonNode created = issue(owner, "{\"name\":\"backup\",\"scope\":\"read\"}");
        String token = created.get("token").asText();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));

        http.get().uri("/api/v1/accounts/me/tokens").headers(password(owner)).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].tokenId").isEqualTo(created.get("tokenId").asText())
                .jsonPath("$[0].name").isEqualTo("backup")
                .jsonPath("$[0].token").doesNotExist();
        assertThat(jdbc.queryForObject("select count(*) from plenum_access_token where token_hash = ?", Long.class, sha256)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where position(? in convert_from(payload, 'UTF8')) > 0",
                Long.class, token.substring(5))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where position(? in convert_from(payload, 'UTF8')) > 0",
                Long.class, sha256)).isEqualTo(1);
    }

    @Test
    void theListShowsWhenATokenWasLastUsed() {
        String owner = unique("used");
        createAccount(owner, "Used Token");
        String token = issue(owner, "{\"name\":\"cron\",\"scope\":\"read\"}").get("token").asText();
        http.get().uri("/api/v1/accounts/me/tokens").headers(password(owner)).exchange()
                .expectBody().jsonPath("$[0].lastUsedAt").doesNotExist();
        for (int i = 0; i < 5; i++) {
            me(token).expectStatus().isOk();
        }
        http.get().uri("/api/v1/accounts/me/tokens").headers(password(owner)).exchange()
                .expectBody().jsonPath("$[0].lastUsedAt").isNotEmpty();
    }

    @Test
    void aTokensLastUseIsWrittenBehindTheRequestWithinSecondsAndShownToItsOwnerAtOnce() throws InterruptedException {
        String owner = unique("behind");
        createAccount(owner, "Written Behind");
        JsonNode issued = issue(owner, "{\"name\":\"one-off\",\"scope\":\"read\"}");
        String hash = sha256(issued.get("token").asText());

        Instant before = Instant.now().minusSeconds(1);
        me(issued.get("token").asText()).expectStatus().isOk();
        // the owner's list on this node shows the use whether or not it has been written yet
        http.get().uri("/api/v1/accounts/me/tokens").headers(password(owner)).exchange()
                .expectBody().jsonPath("$[0].lastUsedAt").isNotEmpty();
        Instant deadline = Instant.now().plusSeconds(10);
        java.sql.Timestamp written = null;
        while (written == null && Instant.now().isBefore(deadline)) {
            written = jdbc.queryForObject("select last_used_at from plenum_access_token where token_hash = ?",
                    java.sql.Timestamp.class, hash);
            Thread.sleep(50);
        }
        assertThat(written).as("the use reaches the table within the flush interval").isNotNull();
        assertThat(written.toInstant()).isAfter(before);
    }

    @Test
    void aWrittenLastUseNeverMovesBackwards() {
        String owner = unique("forward");
        createAccount(owner, "Only Forward");
        JsonNode issued = issue(owner, "{\"name\":\"two nodes\",\"scope\":\"read\"}");
        String hash = sha256(issued.get("token").asText());
        var tokenId = new coop.plenum.governance.account.AccessTokenId(issued.get("tokenId").asText());
        Instant later = Instant.parse("2026-06-01T12:00:00Z");

        uses.record(hash, tokenId, later);
        uses.flush();
        // another node's earlier use, written after the later one: ignored
        uses.record(hash, tokenId, later.minusSeconds(3600));
        uses.flush();

        assertThat(jdbc.queryForObject("select last_used_at from plenum_access_token where token_hash = ?",
                java.sql.Timestamp.class, hash).toInstant()).isEqualTo(later);
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTokenCannotManageTokens() {
        String owner = unique("mint");
        createAccount(owner, "No Minting");
        String token = issue(owner, "{\"name\":\"all\",\"scope\":\"read-write\"}").get("token").asText();
        http.post().uri("/api/v1/accounts/me/tokens").headers(bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"successor\",\"scope\":\"read-write\"}")
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("auth.password-required");
        http.get().uri("/api/v1/accounts/me/tokens").headers(bearer(token)).exchange().expectStatus().isForbidden();
    }

    @Test
    void aBadScopeOrAnExpiryBeyondAYearIsRefusedNamingTheFieldAndStoresNothing() {
        String owner = unique("bad");
        createAccount(owner, "Bad Requests");
        long before = eventsInTheLog();
        http.post().uri("/api/v1/accounts/me/tokens").headers(password(owner)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\",\"scope\":\"admin\"}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("scope");
        http.post().uri("/api/v1/accounts/me/tokens").headers(password(owner)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\",\"scope\":\"read\",\"expiresAt\":\"" + Instant.now().plus(Duration.ofDays(400)) + "\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("expiresAt");
        http.post().uri("/api/v1/accounts/me/tokens").headers(password(owner)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"\",\"scope\":\"read\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("name");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void anUnknownOrMalformedBearerTokenIsUnauthorized() {
        for (String token : new String[]{"plnm_not-a-real-token", "x", "plnm_" + "A".repeat(43)}) {
            me(token).expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.get().uri("/api/v1/accounts/me").header("Authorization", "Bearer ").exchange().expectStatus().isUnauthorized();
        http.delete().uri("/api/v1/accounts/me/tokens/{t}", "z".repeat(100)).headers(h -> h.setBasicAuth("admin", OPERATOR_PASSWORD))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void theOpenApiDescriptionDocumentsTokensAndBothWaysToSignIn() {
        // the first description is generated on demand, which takes seconds on a busy machine
        http.mutate().responseTimeout(Duration.ofSeconds(60)).build().get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/accounts/me/tokens'].post").exists()
                .jsonPath("$.paths['/api/v1/accounts/me/tokens'].get").exists()
                .jsonPath("$.paths['/api/v1/accounts/me/tokens/{tokenId}'].delete").exists()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.basic.scheme").isEqualTo("basic");
    }
}
