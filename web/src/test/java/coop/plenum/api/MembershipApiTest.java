package coop.plenum.api;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Membership" over HTTP: every transition an event, every refusal a 400/403/409 that stores nothing. */
class MembershipApiTest extends BootedPlenum {

    private Cooperators steps;
    private String secretary;
    private String secretaryId;
    private String coop;

    @BeforeEach
    void foundACooperative() {
        steps = new Cooperators(http);
        secretary = unique("sec");
        secretaryId = createAccount(secretary, "Sam Secretary");
        coop = foundCooperative(riverside(secretaryId));
    }

    private String newcomer(String name) {
        String username = unique(name);
        createAccount(username, name);
        return username;
    }

    @Test
    void anApplicantIsAdmittedByTheSecretaryAndTheHistoryRecordsBoth() {
        String cara = newcomer("cara");
        String memberId = steps.apply(coop, cara, "users");
        JsonNode applied = steps.members(secretary, coop);
        assertThat(applied.toString()).contains(memberId, "\"status\":\"APPLIED\"");

        steps.command(secretary, coop, memberId, "admission");

        http.get().uri("/api/v1/cooperatives/{c}/members/{m}", coop, memberId).headers(as(cara))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.classId").isEqualTo("users")
                .jsonPath("$.displayName").isEqualTo("cara")
                .jsonPath("$.votingPower").isEqualTo("1.000000")
                .jsonPath("$.roles[0]").isEqualTo("MEMBER")
                .jsonPath("$.history[0].change").isEqualTo("APPLIED")
                .jsonPath("$.history[1].change").isEqualTo("ADMITTED")
                .jsonPath("$.history[1].by").isEqualTo(secretaryId);
    }

    @Test
    void admittingTwiceIsAConflictAndStoresNothing() {
        String memberId = steps.apply(coop, newcomer("twice"), "users");
        steps.command(secretary, coop, memberId, "admission");
        long before = eventsInTheLog();
        http.post().uri("/api/v1/cooperatives/{c}/members/{m}/admission", coop, memberId).headers(as(secretary))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("membership.wrong-status");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void applyingForAClassTheCharterLacksIsABadRequestNamingClassId() {
        String dora = newcomer("dora");
        long before = eventsInTheLog();
        http.post().uri("/api/v1/cooperatives/{c}/applications", coop).headers(as(dora))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"classId\":\"investors\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("classId").jsonPath("$.code").isEqualTo("membership.class-unknown");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void applyingToAnUnknownCooperativeIsNotFound() {
        http.post().uri("/api/v1/cooperatives/{c}/applications", "no-such-coop").headers(as(newcomer("lost")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"classId\":\"users\"}")
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void aSecretaryOfAnotherCooperativeCannotAdmitHere() {
        String otherSecretary = newcomer("othersec");
        foundCooperative(riverside(createdId(otherSecretary)));
        String memberId = steps.apply(coop, newcomer("eve"), "users");
        http.post().uri("/api/v1/cooperatives/{c}/members/{m}/admission", coop, memberId).headers(as(otherSecretary))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("membership.secretary-only");
    }

    private String createdId(String username) {
        return http.get().uri("/api/v1/accounts/me").headers(as(username)).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("accountId").asText();
    }

    @Test
    void underTheVotePolicyASecretaryCannotAdmitDirectly() {
        String votingCoop = foundCooperative(riverside(secretaryId).replace("\"topics\"", "\"admission\": \"VOTE\", \"topics\""));
        String memberId = steps.apply(votingCoop, newcomer("vic"), "users");
        http.post().uri("/api/v1/cooperatives/{c}/members/{m}/admission", votingCoop, memberId).headers(as(secretary))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("membership.admission-by-vote");
    }

    @Test
    void aSuspendedMemberIsReinstatedAndAWithdrawnMemberCannotBeActedOn() {
        String finn = newcomer("finn");
        String memberId = steps.apply(coop, finn, "workers");
        steps.command(secretary, coop, memberId, "admission");
        steps.command(secretary, coop, memberId, "suspension");
        steps.command(secretary, coop, memberId, "reinstatement");
        steps.command(finn, coop, memberId, "withdrawal");
        http.post().uri("/api/v1/cooperatives/{c}/members/{m}/suspension", coop, memberId).headers(as(secretary))
                .exchange().expectStatus().isEqualTo(409);
        http.get().uri("/api/v1/cooperatives/{c}/members/{m}", coop, memberId).headers(as(secretary))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN")
                .jsonPath("$.history.length()").isEqualTo(5)
                .jsonPath("$.history[4].by").isEqualTo(createdId(finn));
        // a withdrawn member no longer reads the cooperative
        http.get().uri("/api/v1/cooperatives/{c}", coop).headers(as(finn)).exchange().expectStatus().isForbidden();
    }

    @Test
    void aClassChangeIsKeptInTheHistory() {
        String gus = newcomer("gus");
        String memberId = steps.apply(coop, gus, "users");
        steps.command(secretary, coop, memberId, "admission");
        http.put().uri("/api/v1/cooperatives/{c}/members/{m}/class", coop, memberId).headers(as(secretary))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"classId\":\"workers\"}")
                .exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/cooperatives/{c}/members/{m}", coop, memberId).headers(as(gus)).exchange()
                .expectBody().jsonPath("$.classId").isEqualTo("workers")
                .jsonPath("$.history[2].change").isEqualTo("CLASS_CHANGED")
                .jsonPath("$.history[1].classId").isEqualTo("users")
                .jsonPath("$.history[2].classId").isEqualTo("workers");
    }

    @Test
    void anAuditorNeedNotBeAMemberReadsEverythingAndCommandsNothing() {
        String auditor = newcomer("aud");
        steps.setRoles(secretary, coop, createdId(auditor), "[\"AUDITOR\"]");
        assertThat(steps.members(auditor, coop).size()).isEqualTo(1);
        String memberId = steps.memberIdOf(auditor, coop, secretaryId);
        http.post().uri("/api/v1/cooperatives/{c}/members/{m}/suspension", coop, memberId).headers(as(auditor))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/v1/cooperatives/{c}/applications", coop).headers(as(auditor))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"classId\":\"users\"}")
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void theLastSecretaryIsNeverRemoved() {
        http.put().uri("/api/v1/cooperatives/{c}/roles/{a}", coop, secretaryId).headers(as(secretary))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"roles\":[]}")
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("roles.last-secretary");
    }

    @Test
    void memberIsNotAnAssignableRoleAndUnknownRolesAreBadRequests() {
        http.put().uri("/api/v1/cooperatives/{c}/roles/{a}", coop, secretaryId).headers(as(secretary))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"roles\":[\"SECRETARY\",\"MEMBER\"]}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("roles");
        http.put().uri("/api/v1/cooperatives/{c}/roles/{a}", coop, secretaryId).headers(as(secretary))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"roles\":[\"ADMIN\"]}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("roles[0]");
    }

    @Test
    void oneAccountIsAMemberOfSeveralCooperativesWithRolesPerCooperative() {
        String hana = newcomer("hana");
        String hanaId = createdId(hana);
        String second = foundCooperative(riverside(hanaId).replace("Riverside Energy", "Hilltop Bakery"));
        String memberId = steps.apply(coop, hana, "users");
        steps.command(secretary, coop, memberId, "admission");
        http.get().uri("/api/v1/cooperatives").headers(as(hana)).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[?(@.cooperativeId == '" + second + "')].myRoles[1]").isEqualTo("SECRETARY")
                .jsonPath("$[?(@.cooperativeId == '" + coop + "')].myRoles.length()").isEqualTo(1);
    }
}
