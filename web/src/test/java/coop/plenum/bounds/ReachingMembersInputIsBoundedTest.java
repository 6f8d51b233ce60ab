package coop.plenum.bounds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's endpoints at their edges: invitations (a list or a pasted CSV), notification preferences, webhooks and
 * the account and instance settings refuse over-long, empty and hostile fields, too many rows and bad URLs with 400
 * problem+json naming the field, and store nothing (no event, no invitation, no webhook, no mail).
 */
class ReachingMembersInputIsBoundedTest extends BootedPlenum {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LONG = "x".repeat(5_000);

    private String alice;
    private String coop;

    @BeforeEach
    void aCooperativeWithItsSecretary() {
        alice = unique("alice");
        coop = foundCooperative(riverside(createAccount(alice, "Alice Secretary")));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends it and asserts 400 problem+json naming {@code field}, with nothing added to the event log. */
    private void refused(HttpMethod method, String uri, Consumer<HttpHeaders> who, String body, String field) {
        long before = eventsInTheLog();
        JsonNode problem = http.method(method).uri(uri).headers(who).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("field").asText()).as(uri + " " + abbreviated(body) + " → " + problem).isEqualTo(field);
        assertThat(eventsInTheLog()).as("events stored by " + uri + " " + abbreviated(body)).isEqualTo(before);
    }

    private static String abbreviated(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…(" + text.length() + ")" : text;
    }

    private static Map<String, Object> invitee(String email, String classId) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("email", email);
        one.put("classId", classId);
        return one;
    }

    @Test
    void invitationsRefuseEmptyOverLongAndHostileAddressesUnknownClassesAndTooManyPastedRowsStoringNothing() {
        String uri = "/api/v1/cooperatives/" + coop + "/invitations";
        Map<String, String> badAddresses = new LinkedHashMap<>();
        badAddresses.put("empty", "");
        badAddresses.put("over-long", LONG + "@example.org");
        badAddresses.put("header injection", "eve@example.org\r\nBcc: all@example.org");
        badAddresses.put("markup", "<script>alert(1)</script>@example.org");
        badAddresses.put("NUL", "eve\u0000@example.org");
        badAddresses.put("two addresses", "eve@example.org, mallory@example.org");
        for (String bad : badAddresses.values()) {
            refused(HttpMethod.POST, uri, as(alice), json(Map.of("invitees", java.util.List.of(invitee(bad, "users")))),
                    "invitees[0].email");
        }
        refused(HttpMethod.POST, uri, as(alice), json(Map.of("invitees", java.util.List.of(
                invitee("ok@example.org", "users"), invitee("ok2@example.org", "nonsense")))), "invitees[1].classId");
        refused(HttpMethod.POST, uri, as(alice), json(Map.of("invitees", java.util.List.of(invitee("ok@example.org", LONG)))),
                "invitees[0].classId");
        refused(HttpMethod.POST, uri, as(alice), json(Map.of("invitees", java.util.List.of(invitee("ok@example.org", "users")),
                "validForDays", 100_000)), "validForDays");
        refused(HttpMethod.POST, uri, as(alice), json(Map.of("invitees", java.util.List.of())), "invitees");

        StringBuilder tooMany = new StringBuilder("email,classId\n");
        for (int i = 0; i < 501; i++) {
            tooMany.append("person").append(i).append("@example.org,users\n");
        }
        refused(HttpMethod.POST, uri, as(alice), json(Map.of("csv", tooMany.toString(), "classId", "users")), "lines");
        refused(HttpMethod.POST, uri, as(alice), json(Map.of("csv", "x".repeat(250_000), "classId", "users")), "csv");
        refused(HttpMethod.POST, uri, as(alice), json(Map.of("csv", "ok@example.org\nfine@example.org,users,extra\n",
                "classId", "users")), "lines[2]");
        refused(HttpMethod.POST, uri, as(alice), json(Map.of("csv", "ok@example.org\n\n<b>@example.org\n", "classId", "users")),
                "lines[3].email");
        refused(HttpMethod.POST, uri, as(alice), json(Map.of("csv", "ok@example.org", "invitees",
                java.util.List.of(invitee("ok2@example.org", "users")), "classId", "users")), "invitees");

        assertThat(http.get().uri(uri).headers(as(alice)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody()).as("no invitation stored").isEmpty();
        assertThat(TestMail.to("ok@example.org", 0)).as("nobody mailed").isEmpty();
    }

    @Test
    void notificationPreferencesRefuseBadAddressesUnknownKindsAndDeliveriesStoringNothing() {
        String uri = "/api/v1/notifications/preferences";
        for (String bad : new String[]{LONG + "@example.org", "eve@example.org\r\nBcc: all@example.org",
                "Eve <eve@example.org>", "eve@example.org;mallory@example.org", "no-at-sign"}) {
            refused(HttpMethod.PUT, uri, as(alice), json(Map.of("email", bad, "preferences", Map.of("VOTE_OPENED", "OFF"))), "email");
        }
        refused(HttpMethod.PUT, uri, as(alice), json(Map.of("preferences", Map.of("VOTE_OPENED", LONG))), "preferences.VOTE_OPENED");
        refused(HttpMethod.PUT, uri, as(alice), json(Map.of("preferences", Map.of(LONG, "OFF"))), "preferences");
        refused(HttpMethod.PUT, uri, as(alice), json(Map.of("email", "fine@example.org",
                "preferences", Map.of("VOTE_OPENED", "OFF", "DECISION_MADE", "<b>"))), "preferences.DECISION_MADE");
        refused(HttpMethod.PUT, uri, as(alice), "{}", "preferences");

        JsonNode settings = http.get().uri(uri).headers(as(alice)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(settings.get("email").asText()).isEmpty();
        assertThat(settings.path("preferences").path("VOTE_OPENED").asText()).isEqualTo("EMAIL");
    }

    @Test
    void webhooksRefuseNonHttpsPrivateOverLongAndHostileUrlsAndBadEventListsStoringNothing() {
        String uri = "/api/v1/cooperatives/" + coop + "/webhooks";
        java.util.List<String> events = java.util.List.of("voting.opened");
        for (String bad : new String[]{"", "http://example.org/hook", "ftp://example.org/hook", "javascript:alert(1)",
                "https://10.0.0.7/hook", "https://169.254.169.254/latest/meta-data", "https://192.168.1.10/hook",
                "https://example.org/" + LONG, "https://example.org/hook\r\nX-Injected: 1", "https://exa mple.org/hook",
                "https://user:secret@example.org/hook"}) {
            refused(HttpMethod.POST, uri, as(alice), json(Map.of("url", bad, "events", events)), "url");
        }
        refused(HttpMethod.POST, uri, as(alice), json(Map.of("events", events)), "url");
        refused(HttpMethod.POST, uri, as(alice), json(Map.of("url", "https://example.org/hook", "events", java.util.List.of())),
                "events");
        refused(HttpMethod.POST, uri, as(alice), json(Map.of("url", "https://example.org/hook",
                "events", java.util.List.of("voting.opened", "<script>"))), "events[1]");
        refused(HttpMethod.POST, uri, as(alice), json(Map.of("url", "https://example.org/hook",
                "events", java.util.Collections.nCopies(1_000, "voting.opened"))), "events");

        assertThat(http.get().uri(uri).headers(as(alice)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody()).as("no webhook stored").isEmpty();
    }

    @Test
    void accountAndInstanceSettingsRefuseEmptyOverLongAndHostileValuesNamingTheField() {
        String profile = "/api/v1/accounts/me/profile";
        Map<String, String> ok = Map.of("displayName", "Alice", "timeZone", "Europe/Madrid", "language", "en");
        for (String bad : new String[]{"", " ", LONG, "Alice\u0000", "Alice\nBob"}) {
            Map<String, String> body = new LinkedHashMap<>(ok);
            body.put("displayName", bad);
            refused(HttpMethod.PUT, profile, as(alice), json(body), "displayName");
        }
        for (String bad : new String[]{"", "../../etc/passwd", LONG, "Europe/Nowhere"}) {
            Map<String, String> body = new LinkedHashMap<>(ok);
            body.put("timeZone", bad);
            refused(HttpMethod.PUT, profile, as(alice), json(body), "timeZone");
        }
        refused(HttpMethod.PUT, "/api/v1/accounts/me/email", as(alice), json(Map.of("email", LONG + "@example.org")), "email");
        refused(HttpMethod.PUT, "/api/v1/accounts/me/email", as(alice),
                json(Map.of("email", "alice@example.org\r\nBcc: all@example.org")), "email");
        refused(HttpMethod.PUT, "/api/v1/accounts/me/password", as(alice),
                json(Map.of("currentPassword", alice + "-password", "newPassword", "short")), "newPassword");
        refused(HttpMethod.PUT, "/api/v1/accounts/me/password", as(alice),
                json(Map.of("currentPassword", alice + "-password", "newPassword", LONG)), "newPassword");
        refused(HttpMethod.PUT, "/api/v1/accounts/me/password", as(alice),
                json(Map.of("currentPassword", LONG, "newPassword", "a-new-password")), "currentPassword");
        http.get().uri("/api/v1/accounts/me").headers(as(alice)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.displayName").isEqualTo("Alice Secretary");

        Consumer<HttpHeaders> operator = h -> h.setBasicAuth("admin", OPERATOR_PASSWORD);
        refused(HttpMethod.PUT, "/api/v1/operations/settings", operator, "{}", "openSignUp");
        refused(HttpMethod.PUT, "/api/v1/operations/settings", operator, "{\"openSignUp\": \"" + LONG + "\"}", "openSignUp");
    }
}
