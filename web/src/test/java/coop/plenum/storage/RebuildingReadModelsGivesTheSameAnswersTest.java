package coop.plenum.storage;

import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.List;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Audit": rebuilding all projections from the log gives exactly the state the live system shows. Every
 * read model is dropped and replayed; the API's answers are compared byte for byte.
 */
class RebuildingReadModelsGivesTheSameAnswersTest extends BootedPlenum {

    @Test
    void replayingTheLogReproducesEveryAnswerByteForByte() {
        Cooperators steps = new Cooperators(http);
        String secretary = unique("rsec");
        String secretaryId = createAccount(secretary, "Ruth Secretary");
        String coop = foundCooperative(riverside(secretaryId));
        String cara = unique("rcara");
        createAccount(cara, "Cara");
        String caraMember = steps.apply(coop, cara, "users");
        steps.command(secretary, coop, caraMember, "admission");
        steps.command(secretary, coop, caraMember, "suspension");
        String dan = unique("rdan");
        createAccount(dan, "Dan");
        String danMember = steps.apply(coop, dan, "workers");
        steps.command(secretary, coop, danMember, "rejection");
        String auditor = unique("raud");
        steps.setRoles(secretary, coop, createAccount(auditor, "Auditor"), "[\"AUDITOR\"]");

        String contribution = theLedgerHasAnAcceptedContributionAPendingOneAndARevenue(steps, secretary, coop);

        String c = "/api/v1/cooperatives/" + coop;
        List<String> paths = List.of(c, c + "/members", c + "/members/" + caraMember, c + "/members/" + danMember,
                "/api/v1/cooperatives", "/api/v1/accounts/me", c + "/contributions", c + "/contributions/" + contribution,
                c + "/revenues", c + "/open-book", c + "/open-book.csv");
        List<String> before = read(secretary, paths);
        String auditorViewBefore = read(auditor, List.of("/api/v1/cooperatives")).get(0);

        asOperator(http.post().uri("/api/v1/operations/read-model-rebuild")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.caughtUp").isEqualTo(true)
                .jsonPath("$.processors").value(processors -> assertThat(processors.toString())
                        .contains("readmodel-accounts", "readmodel-cooperatives", "readmodel-membership", "readmodel-proposals",
                                "readmodel-ledger")
                        .doesNotContain("policy-ledger"));

        asOperator(http.get().uri("/api/v1/operations/read-model-rebuild")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.running").isEqualTo(false)
                .jsonPath("$.percent").isEqualTo(100)
                .jsonPath("$.result.caughtUp").isEqualTo(true)
                .jsonPath("$.result.events").value(events -> assertThat(((Number) events).longValue()).isPositive())
                .jsonPath("$.processors[0].position").value(position -> assertThat(((Number) position).longValue()).isPositive());
        http.get().uri("/api/v1/operations/read-model-rebuild").headers(as(secretary)).exchange().expectStatus().isForbidden();

        assertThat(read(secretary, paths)).containsExactlyElementsOf(before);
        assertThat(read(auditor, List.of("/api/v1/cooperatives")).get(0)).isEqualTo(auditorViewBefore);
    }

    private String theLedgerHasAnAcceptedContributionAPendingOneAndARevenue(Cooperators steps, String secretary, String coop) {
        String eve = unique("reve");
        String finn = unique("rfinn");
        createAccount(eve, "Eve");
        createAccount(finn, "Finn");
        steps.command(secretary, coop, steps.apply(coop, eve, "users"), "admission");
        steps.command(secretary, coop, steps.apply(coop, finn, "users"), "admission");
        String contribution = log(secretary, coop, "3.5");
        for (String peer : List.of(eve, finn)) {
            http.post().uri("/api/v1/cooperatives/{c}/contributions/{k}/evaluations", coop, contribution).headers(as(peer))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"verdict\":\"ACCEPT\",\"note\":\"ok, seen\"}")
                    .exchange().expectStatus().isCreated();
        }
        log(eve, coop, "2");
        http.post().uri("/api/v1/cooperatives/{c}/revenues", coop).headers(as(secretary))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"project\":\"roof\",\"amount\":\"99.99\",\"currency\":\"EUR\"}")
                .exchange().expectStatus().isCreated();
        return contribution;
    }

    private String log(String who, String coop, String hours) {
        return http.post().uri("/api/v1/cooperatives/{c}/contributions", coop).headers(as(who))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"project\":\"roof\",\"type\":\"WORK_HOURS\",\"quantity\":" + hours
                        + ",\"description\":\"Rails, \\\"quoted\\\"\",\"occurredOn\":\"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "\"}")
                .exchange().expectStatus().isCreated()
                .expectBody(com.fasterxml.jackson.databind.JsonNode.class).returnResult().getResponseBody().get("contributionId").asText();
    }

    @Test
    void onlyOperatorsRebuild() {
        String someone = unique("nobody");
        createAccount(someone, "Nobody");
        http.post().uri("/api/v1/operations/read-model-rebuild").headers(as(someone)).exchange().expectStatus().isForbidden();
    }

    private List<String> read(String username, List<String> paths) {
        List<String> bodies = new ArrayList<>();
        for (String path : paths) {
            bodies.add(new String(http.get().uri(path).headers(as(username)).exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBodyContent()));
        }
        return bodies;
    }
}
