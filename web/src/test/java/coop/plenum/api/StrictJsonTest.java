package coop.plenum.api;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, "No 5xx for any input": the API's JSON is parsed strictly. A body that a lenient parser would read in
 * more than one way (a key twice, text after the value, a number where a string belongs) is refused with 400
 * problem+json naming the field, and nothing is stored.
 */
class StrictJsonTest extends BootedPlenum {

    @Autowired
    private ObjectMapper apiJson;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer events;

    private String alice;
    private String coop;
    private String proposal;

    @BeforeEach
    void aCooperativeWithAProposal() {
        alice = unique("alice");
        coop = foundCooperative(riverside(createAccount(alice, "Alice")));
        proposal = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Solar roof\",\"body\":\"Panels\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
    }

    private JsonNode comment(String body) {
        return refused(http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/comments", coop, proposal).headers(as(alice)), body);
    }

    private JsonNode newAccount(String body) {
        return refused(asOperator(http.post().uri("/api/v1/accounts")), body);
    }

    private JsonNode refused(org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?> spec, String body) {
        long before = eventsInTheLog();
        JsonNode problem = ((org.springframework.test.web.reactive.server.WebTestClient.RequestBodySpec) spec)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(eventsInTheLog()).as("a refused body stores nothing").isEqualTo(before);
        return problem;
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingTheField() {
        JsonNode problem = comment("{\"text\":\"a\",\"text\":\"a\"}");
        assertThat(problem.get("code").asText()).isEqualTo("request.duplicate-field");
        assertThat(problem.get("field").asText()).isEqualTo("text");

        String user = unique("dup");
        JsonNode nested = refused(asOperator(http.post().uri("/api/v1/cooperatives")), """
                {"name": "Twice", "charter": {"classes": [{"id": "a", "id": "b", "name": "A", "weight": 1, "quorum": 0}]},
                 "founders": [], "secretaryAccountId": "%s"}""".formatted(user));
        assertThat(nested.get("code").asText()).isEqualTo("request.duplicate-field");
        assertThat(nested.get("field").asText()).isEqualTo("charter.classes[0].id");
    }

    @Test
    void aCharterWhoseSecretPeopleVotesIsNotTrueOrFalseIsRefusedNamingTheField() {
        for (String value : List.of("\"sometimes\"", "1", "[true]", "\"tru\\u0000e\"")) {
            JsonNode problem = refused(asOperator(http.post().uri("/api/v1/cooperatives")), """
                    {"name": "Hush", "charter": {"classes": [{"id": "a", "name": "A", "weight": 1, "quorum": 0}],
                     "secretPeopleVotes": %s}, "founders": [], "secretaryAccountId": "%s"}""".formatted(value, unique("hush")));
            assertThat(problem.get("field").asText()).as(value).isEqualTo("charter.secretPeopleVotes");
        }
    }

    @Test
    void textAfterTheBodyIsRefused() {
        JsonNode problem = comment("{\"text\":\"x\"} garbage");
        assertThat(problem.get("code").asText()).isEqualTo("request.trailing-content");
        JsonNode second = comment("{\"text\":\"x\"} {\"text\":\"y\"}");
        assertThat(second.get("code").asText()).isEqualTo("request.trailing-content");
    }

    @Test
    void aNumberOrABooleanWhereTextBelongsIsRefusedNamingTheField() {
        JsonNode number = comment("{\"text\":42}");
        assertThat(number.get("code").asText()).isEqualTo("request.field-unreadable");
        assertThat(number.get("field").asText()).isEqualTo("text");
        JsonNode decimal = comment("{\"text\":4.2}");
        assertThat(decimal.get("field").asText()).isEqualTo("text");
        JsonNode bool = newAccount("{\"username\":\"%s\",\"password\":\"long-enough-password\",\"displayName\":true}"
                .formatted(unique("coerced")));
        assertThat(bool.get("code").asText()).isEqualTo("request.field-unreadable");
        assertThat(bool.get("field").asText()).isEqualTo("displayName");
    }

    @Test
    void aNumberWhereAnInstantBelongsIsRefusedNamingTheField() {
        // epoch seconds or milliseconds would each be read as seconds: one of them a date 56,000 years away
        JsonNode problem = refused(http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice)),
                "{\"title\":\"Roof\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\",\"votingOpensAt\":1767225600000}");
        assertThat(problem.get("code").asText()).isEqualTo("request.field-unreadable");
        assertThat(problem.get("field").asText()).isEqualTo("votingOpensAt");
        http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Roof\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\","
                        + "\"votingOpensAt\":\"2099-01-01T00:00:00Z\",\"votingClosesAt\":\"2099-01-08T00:00:00Z\"}")
                .exchange().expectStatus().isCreated();
    }

    @Test
    void aNumberWhereAChoiceBelongsIsRefusedNamingTheField() {
        // Jackson would otherwise take 0 as the first constant of the enum
        String member = new Cooperators(http).members(alice, coop).get(0).get("memberId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, proposal).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        JsonNode problem = refused(http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, member)
                .headers(as(alice)), "{\"choice\":0}");
        assertThat(problem.get("field").asText()).isEqualTo("choice");
    }

    @Test
    void bodiesBeyondTheParsersLimitsAreRefusedWith400() {
        String proposals = "/api/v1/cooperatives/{c}/proposals";
        JsonNode deep = refused(http.post().uri(proposals, coop).headers(as(alice)),
                "{\"title\":\"Deep\",\"body\":\"b\",\"topic\":\"energy\",\"kind\":\"GENERAL\",\"effect\":"
                        + "[".repeat(100) + "]".repeat(100) + "}");
        assertThat(deep.get("code").asText()).isEqualTo("request.too-complex");
        JsonNode longNumber = refused(http.post().uri(proposals, coop).headers(as(alice)),
                "{\"title\":\"Long\",\"body\":\"b\",\"topic\":\"energy\",\"kind\":\"GENERAL\",\"effect\":"
                        + "9".repeat(200) + "}");
        assertThat(longNumber.get("code").asText()).isEqualTo("request.too-complex");
    }

    @Test
    void theEventLogKeepsItsOwnLenientReaderSoStoredEventsStayReadable() {
        ObjectMapper eventJson = ((JacksonSerializer) events).getObjectMapper();
        assertThat(eventJson).isNotSameAs(apiJson);
        assertThat(eventJson.getFactory().isEnabled(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)).isFalse();
        assertThat(eventJson.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)).isFalse();
        assertThat(eventJson.getFactory().streamReadConstraints().getMaxNestingDepth()).isGreaterThan(32);
        assertThat(apiJson.getFactory().streamReadConstraints().getMaxNestingDepth()).isEqualTo(32);
    }
}
