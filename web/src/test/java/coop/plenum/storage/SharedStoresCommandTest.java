package coop.plenum.storage;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.governance.storage.StoresCommand;
import coop.plenum.support.PlenumContexts;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plenum stores} runs the log and the read models as services a node uses through its URLs alone: what a
 * node wrote there is what another node started on the same stores (and a data directory of its own) reads.
 */
class SharedStoresCommandTest {

    @Test
    void aNodeOnTheStoresCommandsServersKeepsNothingOfItsOwnAndAnotherNodeReadsWhatItWrote() throws Exception {
        Path stores = Files.createTempDirectory("plenum-stores-");
        try (StoresCommand.Running running = StoresCommand.start(List.of("--data-dir", stores.toString()))) {
            String[] urls = running.settings().stream().map(setting -> {
                String[] pair = setting.split("=", 2);
                return switch (pair[0]) {
                    case "PLENUM_POSTGRES_URL" -> "--plenum.postgres.url=" + pair[1];
                    case "PLENUM_POSTGRES_USER" -> "--plenum.postgres.username=" + pair[1];
                    case "MONGODB_URI" -> "--plenum.mongodb.uri=" + pair[1];
                    default -> throw new AssertionError(setting);
                };
            }).toArray(String[]::new);
            Path firstNode = Files.createTempDirectory("plenum-node-a-");
            String accountId;
            ConfigurableApplicationContext a = PlenumContexts.start(firstNode, "stores-admin", urls);
            try {
                accountId = PlenumContexts.client(a).post().uri("/api/v1/accounts").headers(h -> h.setBasicAuth("admin", "stores-admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"username\":\"shared\",\"password\":\"shared-password\",\"displayName\":\"Shared\"}")
                        .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                        .get("accountId").asText();
            } finally {
                a.close();
            }
            assertThat(firstNode.resolve("postgres")).as("no embedded log of its own").doesNotExist();
            assertThat(firstNode.resolve("readmodels")).as("no embedded read models of its own").doesNotExist();

            ConfigurableApplicationContext b = PlenumContexts.start(Files.createTempDirectory("plenum-node-b-"), "stores-admin", urls);
            try {
                WebTestClient http = PlenumContexts.client(b);
                http.get().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth("shared", "shared-password"))
                        .exchange().expectStatus().isOk().expectBody().jsonPath("$.accountId").isEqualTo(accountId);
            } finally {
                b.close();
            }
        }
    }

    @Test
    void aBadOptionIsAUsageErrorAndStartsNothing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = StoresCommand.run(List.of("--postgres-port", "70000"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--postgres-port is a port from 0 to 65535").contains("usage: plenum stores");
    }
}
