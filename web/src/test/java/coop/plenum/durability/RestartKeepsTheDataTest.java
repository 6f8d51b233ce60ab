package coop.plenum.durability;

import coop.plenum.support.PlenumContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;

/** A cooperative founded before a clean stop is there after a start on the same data directory. */
class RestartKeepsTheDataTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return PlenumContexts.start(dataDir, "restart-admin");
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        return PlenumContexts.client(context);
    }
    @Test
    void aFoundedCooperativeIsReadBackAfterARestart() {
        String coop;
        try (ConfigurableApplicationContext first = start()) {
            WebTestClient http = client(first);
            String founder = http.post().uri("/api/v1/accounts").headers(h -> h.setBasicAuth("admin", "restart-admin"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"username\":\"rosa\",\"password\":\"rosa-password\",\"displayName\":\"Rosa\"}")
                    .exchange().expectStatus().isCreated()
                    .expectBody(com.fasterxml.jackson.databind.JsonNode.class).returnResult().getResponseBody().get("accountId").asText();
            coop = http.post().uri("/api/v1/cooperatives").headers(h -> h.setBasicAuth("admin", "restart-admin"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\":\"Bakery Commons\",\"charter\":{\"classes\":[{\"id\":\"bakers\",\"name\":\"Bakers\",\"weight\":100,\"quorum\":50}]},"
                            + "\"founders\":[{\"accountId\":\"" + founder + "\",\"classId\":\"bakers\"}],\"secretaryAccountId\":\"" + founder + "\"}")
                    .exchange().expectStatus().isCreated()
                    .expectBody(com.fasterxml.jackson.databind.JsonNode.class).returnResult().getResponseBody().get("cooperativeId").asText();
        }
        try (ConfigurableApplicationContext second = start()) {
            client(second).get().uri("/api/v1/cooperatives/{id}", coop).headers(h -> h.setBasicAuth("rosa", "rosa-password"))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.name").isEqualTo("Bakery Commons")
                    .jsonPath("$.charter.classes[0].id").isEqualTo("bakers");
            client(second).get().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth("admin", "a-different-password"))
                    .exchange().expectStatus().isUnauthorized();
        }
    }
}
