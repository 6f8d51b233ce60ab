package coop.plenum.durability;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.PlenumContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A cooperative founded before a clean stop is there after a start on the same data directory. */
class RestartKeepsTheDataTest {

    /** Enough events that replaying them takes the read models a few seconds, as a long backlog after a crash does. */
    private static final int BACKLOG_ACCOUNTS = 2000;

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return PlenumContexts.start(dataDir, "restart-admin", "--plenum.security.bcrypt-strength=4");
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        return PlenumContexts.client(context);
    }

    @Test
    void aFoundedCooperativeIsReadBackAfterARestart() throws Exception {
        String coop;
        try (ConfigurableApplicationContext first = start()) {
            WebTestClient http = client(first);
            coop = foundBakeryCommons(http, createRosa(http));
        }
        try (ConfigurableApplicationContext second = start()) {
            awaitReadinessUp(client(second));
            client(second).get().uri("/api/v1/cooperatives/{id}", coop).headers(h -> h.setBasicAuth("rosa", "rosa-password"))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.name").isEqualTo("Bakery Commons")
                    .jsonPath("$.charter.classes[0].id").isEqualTo("bakers");
            client(second).get().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth("admin", "a-different-password"))
                    .exchange().expectStatus().isUnauthorized();
        }
    }

    /**
     * Issue 10: after a restart the app said UP while its read models were still behind the log, and a cooperative
     * acknowledged before the stop answered 404. The read-model store here is lost entirely, so the whole log is
     * replayed: while that runs, an API request gets the right answer or 503 with Retry-After, never a wrong 404;
     * and once readiness says UP every acknowledged write is visible at once.
     */
    @Test
    void onceReadinessIsUpEverythingAcknowledgedBeforeTheStopIsVisibleEvenWhenReadModelsReplayTheWholeLog() throws Exception {
        String coop;
        String lastAccount;
        try (ConfigurableApplicationContext first = start()) {
            WebTestClient http = client(first);
            String rosa = createRosa(http);
            lastAccount = createAccounts(http, BACKLOG_ACCOUNTS);
            coop = foundBakeryCommons(http, rosa);
        }
        FileSystemUtils.deleteRecursively(dataDir.resolve("readmodels"));

        try (ConfigurableApplicationContext second = start()) {
            WebTestClient http = client(second);
            int refused = 0;
            int requests = 0;
            long began = System.nanoTime();
            while (!readinessUp(http)) {
                EntityExchangeResult<byte[]> answer = http.get().uri("/api/v1/cooperatives/{id}", coop)
                        .headers(h -> h.setBasicAuth("rosa", "rosa-password")).exchange().expectBody().returnResult();
                requests++;
                int status = answer.getStatus().value();
                assertThat(status).as("while catching up: the answer or 503, never a wrong 404").isIn(200, 503);
                if (status == 503) {
                    refused++;
                    assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                    assertThat(answer.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
                } else {
                    assertThat(new String(answer.getResponseBodyContent())).contains("Bakery Commons");
                }
                EntityExchangeResult<byte[]> page = http.get().uri("/login").exchange().expectBody().returnResult();
                assertThat(page.getStatus().value()).as("a page: itself or 'starting up'").isIn(200, 503);
                if (page.getStatus().value() == 503) {
                    assertThat(new String(page.getResponseBodyContent())).contains("Plenum is starting up");
                    assertThat(page.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
                }
                assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofMinutes(3));
            }
            System.out.printf("restart with a lost read-model store: ready after %d ms; %d requests meanwhile, %d answered 503%n",
                    Duration.ofNanos(System.nanoTime() - began).toMillis(), requests, refused);

            http.get().uri("/api/v1/cooperatives/{id}", coop).headers(h -> h.setBasicAuth("rosa", "rosa-password"))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.name").isEqualTo("Bakery Commons");
            http.get().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth(lastAccount, lastAccount + "-password"))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.createdAt").isNotEmpty();
        }
    }

    private static String createRosa(WebTestClient http) {
        return createAccount(http, "rosa", "rosa-password");
    }

    private static String createAccount(WebTestClient http, String username, String password) {
        return http.post().uri("/api/v1/accounts").headers(h -> h.setBasicAuth("admin", "restart-admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"displayName\":\"" + username + "\"}")
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("accountId").asText();
    }

    /** Creates accounts {@code backlog-0…} with four clients; returns the username of the last one. */
    private static String createAccounts(WebTestClient http, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    for (int i = client; i < count - 1; i += 4) {
                        createAccount(http, "backlog-" + i, "backlog-" + i + "-password");
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            clients.shutdown();
        }
        String last = "backlog-" + (count - 1);
        createAccount(http, last, last + "-password");
        return last;
    }

    private static String foundBakeryCommons(WebTestClient http, String founder) {
        return http.post().uri("/api/v1/cooperatives").headers(h -> h.setBasicAuth("admin", "restart-admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Bakery Commons\",\"charter\":{\"classes\":[{\"id\":\"bakers\",\"name\":\"Bakers\",\"weight\":100,\"quorum\":50}]},"
                        + "\"founders\":[{\"accountId\":\"" + founder + "\",\"classId\":\"bakers\"}],\"secretaryAccountId\":\"" + founder + "\"}")
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("cooperativeId").asText();
    }

    private static boolean readinessUp(WebTestClient http) {
        EntityExchangeResult<JsonNode> readiness = http.get().uri("/actuator/health/readiness").exchange()
                .expectBody(JsonNode.class).returnResult();
        String status = readiness.getResponseBody().path("status").asText();
        // a probe reads the status code alone: 200 must mean UP, anything else 503
        assertThat(readiness.getStatus().value()).as("readiness %s answers", status).isEqualTo("UP".equals(status) ? 200 : 503);
        return "UP".equals(status);
    }

    private static void awaitReadinessUp(WebTestClient http) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!readinessUp(http)) {
            assertThat(System.nanoTime()).as("readiness UP within 3 minutes").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
