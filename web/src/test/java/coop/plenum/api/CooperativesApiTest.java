package coop.plenum.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.support.BootedPlenum;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class CooperativesApiTest extends BootedPlenum {

    @Test
    void aFoundedCooperativeIsReadableByItsFounderRightAway() {
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Ng");
        String coop = foundCooperative(riverside(aliceId));

        http.get().uri("/api/v1/cooperatives/{id}", coop).headers(h -> h.setBasicAuth(alice, alice + "-password"))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Riverside Energy")
                .jsonPath("$.charter.classes[0].id").isEqualTo("workers")
                .jsonPath("$.charter.classes[0].weight").isEqualTo(60)
                .jsonPath("$.charter.classes[1].quorum").isEqualTo(20)
                .jsonPath("$.charter.decision.threshold").isEqualTo("SIMPLE_MAJORITY")
                .jsonPath("$.charter.ledger.rates.MONEY").isEqualTo("0.1")
                .jsonPath("$.counts.members").isEqualTo(1)
                .jsonPath("$.counts.byClass.workers").isEqualTo(1)
                .jsonPath("$.myRoles").value(roles -> assertThat(roles.toString()).contains("MEMBER", "SECRETARY"));

        http.get().uri("/api/v1/cooperatives").headers(h -> h.setBasicAuth(alice, alice + "-password"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].cooperativeId").isEqualTo(coop);
    }

    @Test
    void everyEventCarriesTheActorTheCorrelationAndTheCause() throws Exception {
        String founder = createAccount(unique("meta"), "Meta Data");
        String operatorId = asOperator(http.get().uri("/api/v1/accounts/me")).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("accountId").asText();
        JsonNode created = asOperator(http.post().uri("/api/v1/cooperatives")
                .header("X-Correlation-Id", "walkthrough-42")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(riverside(founder)))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();

        byte[] raw = jdbc.queryForObject("select metadata from domainevententry where aggregateidentifier = ?",
                byte[].class, created.get("cooperativeId").asText());
        JsonNode metadata = new ObjectMapper().readTree(raw);
        assertThat(metadata.get("actor").asText()).isEqualTo(operatorId);
        assertThat(metadata.get("correlationId").asText()).isEqualTo("walkthrough-42");
        assertThat(metadata.get("causationId").asText()).isNotBlank();
    }

    @Test
    void aCharterWhoseWeightsDoNotSumTo100IsRejectedNamingTheFieldAndStoresNothing() {
        String founder = createAccount(unique("bad"), "Bad Charter");
        long before = eventsInTheLog();
        String lopsided = riverside(founder).replace("\"weight\": 40", "\"weight\": 30");
        asOperator(http.post().uri("/api/v1/cooperatives").contentType(MediaType.APPLICATION_JSON).bodyValue(lopsided))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("charter.weights-not-100")
                .jsonPath("$.field").isEqualTo("charter.classes")
                .jsonPath("$.title").isEqualTo("Bad Request")
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.type").isNotEmpty();
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void badChartersNameTheOffendingField() {
        String founder = createAccount(unique("fields"), "Field Names");
        String base = riverside(founder);
        expectBadField(base.replace("\"id\": \"users\"", "\"id\": \"workers\""), "charter.classes[1].id");
        expectBadField(base.replace("\"quorum\": 20", "\"quorum\": -5"), "charter.classes[1].quorum");
        expectBadField(base.replace("\"classId\": \"workers\"", "\"classId\": \"investors\""), "founders[0].classId");
        expectBadField(base.replace("\"weight\": 60", "\"wieght\": 60"), "charter.classes[0].wieght");
        expectBadField(base.replace("\"weight\": 60", "\"weight\": 60.5"), "charter.classes[0].weight");
        expectBadField(base.replace("\"topics\": [\"energy\", \"finance\"]", "\"topics\": [\"Energy!\"]"), "charter.topics[0]");
        expectBadField(base.replace("\"requiredEvaluations\": 2", "\"requiredEvaluations\": 0"), "charter.ledger.requiredEvaluations");
        expectBadField(base.replace("\"founders\": [{\"accountId\": \"" + founder + "\"", "\"founders\": [{\"accountId\": \"nobody\""),
                "founders[0].accountId");
    }

    private void expectBadField(String json, String field) {
        long before = eventsInTheLog();
        asOperator(http.post().uri("/api/v1/cooperatives").contentType(MediaType.APPLICATION_JSON).bodyValue(json))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo(field);
        assertThat(eventsInTheLog()).as("nothing stored for a charter with a bad %s", field).isEqualTo(before);
    }

    @Test
    void onlyOperatorsFoundCooperatives() {
        String member = unique("member");
        String id = createAccount(member, "Member");
        http.post().uri("/api/v1/cooperatives").headers(h -> h.setBasicAuth(member, member + "-password"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(riverside(id))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void outsidersAndTheOperatorMayNotReadACooperative() {
        String founder = createAccount(unique("owner"), "Owner");
        String outsider = unique("outsider");
        createAccount(outsider, "Outsider");
        String coop = foundCooperative(riverside(founder));
        http.get().uri("/api/v1/cooperatives/{id}", coop).headers(h -> h.setBasicAuth(outsider, outsider + "-password"))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("cooperative.forbidden");
        asOperator(http.get().uri("/api/v1/cooperatives/{id}", coop)).exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/cooperatives/{id}", coop).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anUnknownCooperativeIsNotFound() {
        asOperator(http.get().uri("/api/v1/cooperatives/no-such-coop")).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("cooperative.not-found");
    }

    @Test
    void theOpenApiDescriptionAndHealthArePublic() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/v1/cooperatives']").exists();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void livenessFollowsTheEmbeddedReadModelStoreWhichOnlyARestartReopensAfterAFailedWrite() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.embeddedReadModelStore.status").isEqualTo("UP");
    }
}
