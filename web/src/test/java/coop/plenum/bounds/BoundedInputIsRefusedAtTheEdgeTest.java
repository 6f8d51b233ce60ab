package coop.plenum.bounds;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: nothing can be written that cannot be read back. Each reproduction of the issue (a 201 that stored a
 * poison event, or a 500) is refused with 400 problem+json naming the field, and the log is unchanged.
 */
class BoundedInputIsRefusedAtTheEdgeTest extends BootedPlenum {

    private static final String NUL = "\\u0000";

    private String alice;
    private String aliceId;
    private String coop;

    @BeforeEach
    void aCooperativeWithAFounder() {
        alice = unique("alice");
        aliceId = createAccount(alice, "Alice");
        coop = foundCooperative(riverside(aliceId));
    }

    private static String charterWith(String ledger) {
        return """
                {"classes": [{"id": "workers", "name": "Workers", "weight": 60, "quorum": 50},
                             {"id": "users", "name": "Users", "weight": 40, "quorum": 20}],
                 "topics": ["energy", "finance"],
                 "ledger": %s}""".formatted(ledger);
    }

    private static String amendment(String charter) {
        return """
                {"title": "New rates", "body": "", "topic": "finance", "kind": "CHARTER_AMENDMENT", "effect": %s}"""
                .formatted(charter);
    }

    private String founding(String charter) {
        return """
                {"name": "Hostile", "charter": %s, "founders": [{"accountId": "%s", "classId": "workers"}],
                 "secretaryAccountId": "%s"}""".formatted(charter, aliceId, aliceId);
    }

    /** Sends the request and asserts 400 problem+json naming {@code field}, with nothing added to the log. */
    private JsonNode refused(WebTestClient.RequestHeadersSpec<?> request, String field) {
        long before = eventsInTheLog();
        JsonNode problem = request.exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("field").asText()).as(problem.toString()).isEqualTo(field);
        assertThat(eventsInTheLog()).as("events stored by a refused request").isEqualTo(before);
        return problem;
    }

    private WebTestClient.RequestHeadersSpec<?> post(String uri, Consumer<HttpHeaders> who, String json, Object... vars) {
        return http.post().uri(uri, vars).headers(who).contentType(MediaType.APPLICATION_JSON).bodyValue(json);
    }

    private Consumer<HttpHeaders> operator() {
        return h -> h.setBasicAuth("admin", OPERATOR_PASSWORD);
    }

    @Test
    void aMembersAmendmentWithAThousandDigitRateIsRefusedNotStoredAsAPoisonEvent() {
        refused(post("/api/v1/cooperatives/{c}/proposals", as(alice),
                        amendment(charterWith("{\"rates\": {\"WORK_HOURS\": \"1E+1000\"}}")), coop),
                "effect.charter.ledger.rates.WORK_HOURS");
    }

    @Test
    void anOperatorsFoundingWithARateOfTenToTheNineThousandIsRefused() {
        refused(post("/api/v1/cooperatives", operator(), founding(charterWith("{\"rates\": {\"WORK_HOURS\": \"1E+9999\"}}"))),
                "charter.ledger.rates.WORK_HOURS");
    }

    @Test
    void aRateTooSmallToWritePlainlyIsRefusedNotAServerError() {
        refused(post("/api/v1/cooperatives", operator(), founding(charterWith("{\"rates\": {\"WORK_HOURS\": \"1E-10000\"}}"))),
                "charter.ledger.rates.WORK_HOURS");
    }

    @Test
    void aRateWithSevenDecimalPlacesOrAboveAMillionIsRefused() {
        refused(post("/api/v1/cooperatives", operator(), founding(charterWith("{\"rates\": {\"WORK_HOURS\": \"0.0000001\"}}"))),
                "charter.ledger.rates.WORK_HOURS");
        refused(post("/api/v1/cooperatives", operator(), founding(charterWith("{\"rates\": {\"WORK_HOURS\": \"1000000.000001\"}}"))),
                "charter.ledger.rates.WORK_HOURS");
    }

    @Test
    void theLargestRateWithSixDecimalPlacesIsAccepted() {
        foundCooperative(founding(charterWith("{\"rates\": {\"WORK_HOURS\": \"999999.999999\", \"MONEY\": \"1000000\"}}")));
    }

    @Test
    void hugeOrTinyVotingPowerParametersAreRefused() {
        String power = """
                {"classes": [{"id": "workers", "name": "Workers", "weight": 100, "quorum": 0}],
                 "votingPower": {"mode": "CONTRIBUTION_WEIGHTED", "pointsPerVote": %s, "maxBonus": %s, "windowDays": %s}}""";
        refused(post("/api/v1/cooperatives", operator(), founding(power.formatted("\"1E+1000\"", "1", "30"))),
                "charter.votingPower.pointsPerVote");
        refused(post("/api/v1/cooperatives", operator(), founding(power.formatted("10", "\"1E-10000\"", "30"))),
                "charter.votingPower.maxBonus");
        refused(post("/api/v1/cooperatives", operator(), founding(power.formatted("10", "1", "36501"))),
                "charter.votingPower.windowDays");
    }

    @Test
    void aChainLimitOrRequiredEvaluationsBeyondTheirRangeAreRefused() {
        String charter = """
                {"classes": [{"id": "workers", "name": "Workers", "weight": 100, "quorum": 0}],
                 "delegation": {"enabled": true, "maxChainLength": %d}, "ledger": {"rates": {}, "requiredEvaluations": %d}}""";
        refused(post("/api/v1/cooperatives", operator(), founding(charter.formatted(1001, 2))), "charter.delegation.maxChainLength");
        refused(post("/api/v1/cooperatives", operator(), founding(charter.formatted(0, 101))), "charter.ledger.requiredEvaluations");
    }

    @Test
    void aVotingOpeningInTheYear294277IsRefusedNotAServerError() {
        refused(post("/api/v1/cooperatives/{c}/proposals", as(alice), """
                {"title": "Far future", "body": "", "topic": "energy", "kind": "GENERAL",
                 "votingOpensAt": "+294277-01-01T00:00:00Z"}""", coop), "votingOpensAt");
        refused(post("/api/v1/cooperatives/{c}/proposals", as(alice), """
                {"title": "Far future", "body": "", "topic": "energy", "kind": "GENERAL",
                 "votingClosesAt": "+10000-01-01T00:00:00Z"}""", coop), "votingClosesAt");
    }

    @Test
    void anAsOfBeyondTheYear9999IsRefused() {
        // a variable, so the '+' is sent encoded (a bare '+' in a query is a space)
        http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}/tally?asOf={asOf}", coop, "none", "+294277-01-01T00:00:00Z")
                .headers(as(alice)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("asOf");
    }

    @Test
    void aCharterClassWithoutAnIdIsRefusedNotAServerError() {
        refused(post("/api/v1/cooperatives", operator(), founding("""
                {"classes": [{"name": "Workers", "weight": 100, "quorum": 0}]}""")), "charter.classes[0].id");
    }

    @Test
    void aNullRoleIsRefusedNotAServerError() {
        refused(http.put().uri("/api/v1/cooperatives/{c}/roles/{a}", coop, aliceId).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"roles\":[null]}"), "roles[0]");
    }

    @Test
    void aNulInAUsernameOrDisplayNameIsRefusedBeforeTheUsernameIsLookedUp() {
        refused(post("/api/v1/accounts", operator(),
                "{\"username\":\"admin" + NUL + "\",\"password\":\"long-enough\",\"displayName\":\"X\"}"), "username");
        refused(post("/api/v1/accounts", operator(),
                "{\"username\":\"" + unique("nul") + "\",\"password\":\"long-enough\",\"displayName\":\"X" + NUL + "\"}"), "displayName");
    }

    @Test
    void aNulInACooperativeNameOrAClassNameIsRefused() {
        refused(post("/api/v1/cooperatives", operator(), founding(charterWith("null")).replace("Hostile", "Host" + NUL)), "name");
        refused(post("/api/v1/cooperatives", operator(), founding(charterWith("null").replace("Users", "Us\\u0007ers"))),
                "charter.classes[1].name");
    }

    @Test
    void controlCharactersInTitlesBodiesAndCommentsAreRefusedButLineBreaksInBodiesAreKept() {
        refused(post("/api/v1/cooperatives/{c}/proposals", as(alice),
                "{\"title\":\"Solar" + NUL + "\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}", coop), "title");
        refused(post("/api/v1/cooperatives/{c}/proposals", as(alice),
                "{\"title\":\"Two\\nlines\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}", coop), "title");
        refused(post("/api/v1/cooperatives/{c}/proposals", as(alice),
                "{\"title\":\"Solar\",\"body\":\"a\\u001bb\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}", coop), "body");
        refused(post("/api/v1/cooperatives/{c}/proposals", as(alice),
                "{\"title\":\"Solar\",\"body\":\"half \\ud800 a pair\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}", coop), "body");

        JsonNode created = post("/api/v1/cooperatives/{c}/proposals", as(alice),
                "{\"title\":\"Solar\",\"body\":\"line one\\r\\n\\tline two\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}", coop)
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String proposal = created.get("proposalId").asText();
        refused(post("/api/v1/cooperatives/{c}/proposals/{p}/comments", as(alice), "{\"text\":\"x" + NUL + "\"}", coop, proposal), "text");
        refused(http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}", coop, proposal).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"t" + NUL + "\",\"body\":\"\"}"), "title");
        http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}", coop, proposal).headers(as(alice)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.body").isEqualTo("line one\r\n\tline two");
    }

    @Test
    void contributionsWithControlCharactersOrOutOfRangeNumbersAndDatesAreRefused() {
        String contribution = "{\"project\":\"depot\",\"type\":\"WORK_HOURS\",\"quantity\":%s,\"description\":\"%s\",\"occurredOn\":\"%s\"}";
        String today = LocalDate.now().toString();
        refused(post("/api/v1/cooperatives/{c}/contributions", as(alice), contribution.formatted("1", "Roof" + NUL, today), coop),
                "description");
        refused(post("/api/v1/cooperatives/{c}/contributions", as(alice), contribution.formatted("\"1E+1000\"", "Roof", today), coop),
                "quantity");
        refused(post("/api/v1/cooperatives/{c}/contributions", as(alice), contribution.formatted("\"1E-10000\"", "Roof", today), coop),
                "quantity");
        refused(post("/api/v1/cooperatives/{c}/contributions", as(alice), contribution.formatted("1", "Roof", "1969-12-31"), coop),
                "occurredOn");
    }

    @Test
    void revenueBeyondTenToTheFifteenMinorUnitsIsRefused() {
        String revenue = "{\"project\":\"depot\",\"amount\":\"%s\",\"currency\":\"%s\"}";
        refused(post("/api/v1/cooperatives/{c}/revenues", as(alice), revenue.formatted("1E+1000", "EUR"), coop), "amount");
        refused(post("/api/v1/cooperatives/{c}/revenues", as(alice), revenue.formatted("10000000000000.01", "EUR"), coop), "amount");
        refused(post("/api/v1/cooperatives/{c}/revenues", as(alice), revenue.formatted("1000000000000001", "JPY"), coop), "amount");
        post("/api/v1/cooperatives/{c}/revenues", as(alice), revenue.formatted("10000000000000.00", "EUR"), coop)
                .exchange().expectStatus().isCreated();
    }

    @Test
    void aControlCharacterInAnIdOfThePathIsAClientErrorNotAFailedLookup() {
        long before = eventsInTheLog();
        for (String bad : List.of("x\u0000", "x\u0001", "x\u007f")) {
            http.post().uri("/api/v1/cooperatives/{c}/members/{m}/admission", bad, "m").headers(as(alice))
                    .exchange().expectStatus().value(status -> assertThat(status).as(bad).isBetween(400, 499));
            http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}", coop, bad).headers(as(alice))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"t\",\"body\":\"\"}")
                    .exchange().expectStatus().value(status -> assertThat(status).as(bad).isBetween(400, 499));
            http.post().uri("/api/v1/cooperatives/{c}/proposals", bad).headers(as(alice)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"title\":\"t\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                    .exchange().expectStatus().value(status -> assertThat(status).as(bad).isBetween(400, 499));
            http.get().uri("/api/v1/cooperatives/{c}/contributions?member={m}", coop, bad).headers(as(alice))
                    .exchange().expectStatus().value(status -> assertThat(status).as(bad).isLessThan(500));
        }
        assertThat(eventsInTheLog()).isEqualTo(before);
    }
}
