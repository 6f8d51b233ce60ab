package coop.plenum.storage;

import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.Test;

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

        List<String> paths = List.of("/api/v1/cooperatives/" + coop, "/api/v1/cooperatives/" + coop + "/members",
                "/api/v1/cooperatives/" + coop + "/members/" + caraMember, "/api/v1/cooperatives/" + coop + "/members/" + danMember,
                "/api/v1/cooperatives", "/api/v1/accounts/me");
        List<String> before = read(secretary, paths);
        String auditorViewBefore = read(auditor, List.of("/api/v1/cooperatives")).get(0);

        asOperator(http.post().uri("/api/v1/operations/read-model-rebuild")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.caughtUp").isEqualTo(true)
                .jsonPath("$.processors").value(processors -> assertThat(processors.toString())
                        .contains("readmodel-accounts", "readmodel-cooperatives", "readmodel-membership", "readmodel-proposals"));

        assertThat(read(secretary, paths)).containsExactlyElementsOf(before);
        assertThat(read(auditor, List.of("/api/v1/cooperatives")).get(0)).isEqualTo(auditorViewBefore);
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
