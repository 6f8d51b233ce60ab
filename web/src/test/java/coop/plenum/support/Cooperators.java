package coop.plenum.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.function.Consumer;

/** Small HTTP steps for tests: act as an account, apply, admit, find a member id. Passwords are {@code username-password}. */
public final class Cooperators {

    private final WebTestClient http;

    public Cooperators(WebTestClient http) {
        this.http = http;
    }

    public static Consumer<org.springframework.http.HttpHeaders> as(String username) {
        return h -> h.setBasicAuth(username, username + "-password");
    }

    public String apply(String cooperativeId, String username, String classId) {
        JsonNode body = http.post().uri("/api/v1/cooperatives/{c}/applications", cooperativeId).headers(as(username))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"classId\":\"" + classId + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return body.get("memberId").asText();
    }

    public void command(String username, String cooperativeId, String memberId, String action) {
        http.post().uri("/api/v1/cooperatives/{c}/members/{m}/{a}", cooperativeId, memberId, action).headers(as(username))
                .exchange().expectStatus().isNoContent();
    }

    public void setRoles(String secretary, String cooperativeId, String accountId, String rolesJson) {
        http.put().uri("/api/v1/cooperatives/{c}/roles/{a}", cooperativeId, accountId).headers(as(secretary))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"roles\":" + rolesJson + "}")
                .exchange().expectStatus().isNoContent();
    }

    public JsonNode members(String reader, String cooperativeId) {
        return http.get().uri("/api/v1/cooperatives/{c}/members", cooperativeId).headers(as(reader))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    public String memberIdOf(String reader, String cooperativeId, String accountId) {
        for (JsonNode m : members(reader, cooperativeId)) {
            if (m.get("accountId").asText().equals(accountId)) {
                return m.get("memberId").asText();
            }
        }
        throw new AssertionError("no member with account " + accountId);
    }
}
