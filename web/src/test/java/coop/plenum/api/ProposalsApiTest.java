package coop.plenum.api;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Proposals", "Ballots" and "Tally" over HTTP, on the booted application. */
class ProposalsApiTest extends BootedPlenum {

    private Cooperators steps;
    private String alice;     // founder in workers, secretary
    private String bob;       // admitted in users
    private String coop;
    private String aliceMember;
    private String bobMember;

    @BeforeEach
    void aCooperativeWithAWorkerAndAUser() {
        steps = new Cooperators(http);
        alice = unique("alice");
        String aliceId = createAccount(alice, "Alice");
        coop = foundCooperative(riverside(aliceId));
        bob = unique("bob");
        createAccount(bob, "Bob");
        bobMember = steps.apply(coop, bob, "users");
        steps.command(alice, coop, bobMember, "admission");
        aliceMember = steps.memberIdOf(alice, coop, aliceId);
    }

    private String submit(String as, String body) {
        JsonNode created = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(as))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.get("proposalId").asText();
    }

    private static final String SOLAR = "{\"title\":\"Solar roof\",\"body\":\"Panels on the depot\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}";

    private void post(String as, String proposal, String action, int status) {
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/{a}", coop, proposal, action).headers(as(as))
                .exchange().expectStatus().isEqualTo(status);
    }

    private void vote(String as, String proposal, String member, String choice, int status) {
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, member).headers(as(as))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"" + choice + "\"}")
                .exchange().expectStatus().isEqualTo(status);
    }

    @Test
    void aVoteIsOpenedCastClosedAndTalliedExactlyPerClass() throws Exception {
        String p = submit(bob, SOLAR);
        post(alice, p, "opening", 204);
        vote(alice, p, aliceMember, "YES", 200);
        Thread.sleep(20);
        Instant betweenBallots = Instant.now();
        Thread.sleep(20);
        vote(bob, p, bobMember, "NO", 200);

        http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, p).headers(as(bob)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("VOTING")
                .jsonPath("$.outcome").doesNotExist()
                .jsonPath("$.approval").doesNotExist()
                .jsonPath("$.classes[0].classId").isEqualTo("workers")
                .jsonPath("$.classes[0].yes").isEqualTo("1.000000")
                .jsonPath("$.classes[1].no").isEqualTo("1.000000");

        post(alice, p, "closing", 204);

        // workers approve 1, users 0: A = 60 % x 1 + 40 % x 0 = 0.6 > 1/2
        http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, p).headers(as(bob)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("CLOSED")
                .jsonPath("$.outcome").isEqualTo("ACCEPTED")
                .jsonPath("$.approval").isEqualTo("0.600000")
                .jsonPath("$.classes[0].electoratePower").isEqualTo("1.000000")
                .jsonPath("$.classes[0].participation").isEqualTo("1.000000")
                .jsonPath("$.classes[0].quorumMet").isEqualTo(true)
                .jsonPath("$.classes[1].approval").isEqualTo("0.000000");
        http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}", coop, p).headers(as(alice)).exchange()
                .expectBody().jsonPath("$.state").isEqualTo("CLOSED").jsonPath("$.outcome").isEqualTo("ACCEPTED")
                .jsonPath("$.ballots['" + bobMember + "']").isEqualTo("NO")
                .jsonPath("$.electorateByClass.users").isEqualTo(1);

        // as of the moment between the two ballots, only Alice had voted and nothing was decided
        http.get().uri(b -> b.path("/api/v1/cooperatives/{c}/proposals/{p}/tally").queryParam("asOf", betweenBallots.toString()).build(coop, p))
                .headers(as(bob)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("VOTING")
                .jsonPath("$.outcome").doesNotExist()
                .jsonPath("$.classes[0].yes").isEqualTo("1.000000")
                .jsonPath("$.classes[1].no").isEqualTo("0.000000");
    }

    @Test
    void theTallyStreamSendsTheTallyNowAndAgainAfterEachBallot() {
        String p = submit(bob, SOLAR);
        post(alice, p, "opening", 204);
        var events = http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}/tally/stream", coop, p).headers(as(bob))
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new org.springframework.core.ParameterizedTypeReference<org.springframework.http.codec.ServerSentEvent<JsonNode>>() {
                }).getResponseBody();
        reactor.test.StepVerifier.create(events)
                .assertNext(first -> {
                    assertThat(first.event()).isEqualTo("tally");
                    assertThat(first.data().at("/classes/0/yes").asText()).isEqualTo("0.000000");
                })
                .then(() -> vote(alice, p, aliceMember, "YES", 200))
                .assertNext(next -> assertThat(next.data().at("/classes/0/yes").asText()).isEqualTo("1.000000"))
                .thenCancel()
                .verify(java.time.Duration.ofSeconds(20));
    }

    @Test
    void membersAdmittedAfterOpeningAreNotInTheElectorate() {
        String p = submit(alice, SOLAR);
        post(alice, p, "opening", 204);
        String cara = unique("cara");
        createAccount(cara, "Cara");
        String caraMember = steps.apply(coop, cara, "users");
        steps.command(alice, coop, caraMember, "admission");
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, p, caraMember).headers(as(cara))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"YES\"}")
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("ballot.not-in-electorate");
    }

    @Test
    void lifecycleConflictsAre409AndStoreNothing() {
        String p = submit(alice, SOLAR);
        post(alice, p, "closing", 409);
        vote(alice, p, aliceMember, "YES", 409);
        post(alice, p, "opening", 204);
        long before = eventsInTheLog();
        post(alice, p, "opening", 409);
        post(bob, p, "withdrawal", 403);
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void aProposalNeedsAKnownTopicAndOnlyActiveMembersPropose() {
        http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(SOLAR.replace("energy", "gardening"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("topic");
        String outsider = unique("out");
        createAccount(outsider, "Outsider");
        http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(outsider))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(SOLAR)
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void theAuthorRevisesAndMembersCommentAndTheListFiltersByState() {
        String p = submit(bob, SOLAR);
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}", coop, p).headers(as(bob))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"Solar roof v2\",\"body\":\"Bigger panels\"}")
                .exchange().expectStatus().isNoContent();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/comments", coop, p).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"Yes please\"}")
                .exchange().expectStatus().isCreated();
        http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}", coop, p).headers(as(alice)).exchange()
                .expectBody().jsonPath("$.title").isEqualTo("Solar roof v2").jsonPath("$.revision").isEqualTo(2)
                .jsonPath("$.revisions.length()").isEqualTo(2).jsonPath("$.comments[0].text").isEqualTo("Yes please");
        http.get().uri("/api/v1/cooperatives/{c}/proposals?state=DELIBERATION", coop).headers(as(alice)).exchange()
                .expectBody().jsonPath("$[?(@.proposalId == '" + p + "')]").exists();
        http.get().uri("/api/v1/cooperatives/{c}/proposals?state=CLOSED", coop).headers(as(alice)).exchange()
                .expectBody().jsonPath("$[?(@.proposalId == '" + p + "')]").doesNotExist();
    }

    @Test
    void underTheVotePolicyAnAcceptedAdmissionProposalAdmitsTheApplicantExactlyOnce() throws Exception {
        String votingCoop = foundCooperative(riverside(createdIdOf(alice)).replace("\"topics\"", "\"admission\": \"VOTE\", \"topics\""));
        String cara = unique("cara");
        createAccount(cara, "Cara");
        String caraMember = steps.apply(votingCoop, cara, "users");
        String aliceInVoting = steps.memberIdOf(alice, votingCoop, createdIdOf(alice));
        JsonNode created = http.post().uri("/api/v1/cooperatives/{c}/proposals", votingCoop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Admit Cara\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"ADMISSION\",\"effect\":\"" + caraMember + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String p = created.get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", votingCoop, p).headers(as(alice)).exchange().expectStatus().isNoContent();
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", votingCoop, p, aliceInVoting).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"YES\"}").exchange().expectStatus().isOk();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", votingCoop, p).headers(as(alice)).exchange().expectStatus().isNoContent();

        // the effects saga runs after the close: wait for it, bounded
        String state = "";
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (!"EXECUTED".equals(state) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            state = http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}", votingCoop, p).headers(as(alice)).exchange()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().get("state").asText();
        }
        assertThat(state).isEqualTo("EXECUTED");
        http.get().uri("/api/v1/cooperatives/{c}/members/{m}", votingCoop, caraMember).headers(as(cara)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.history[1].change").isEqualTo("ADMITTED_BY_DECISION");
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ? and payloadtype like '%MemberAdmittedByDecision'",
                Long.class, votingCoop)).as("applied exactly once").isEqualTo(1);
    }

    private String createdIdOf(String username) {
        return jdbc.queryForObject("select account_id from plenum_account_login where username = ?", String.class, username);
    }

    @Test
    void anotherCooperativesProposalIsNotFoundHere() {
        String p = submit(alice, SOLAR);
        String other = foundCooperative(riverside(createAccount(unique("oth"), "Other")));
        http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}", other, p).headers(h -> h.setBasicAuth("admin", OPERATOR_PASSWORD))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, "no-such-proposal").headers(as(alice))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void aCommandForAnUnknownProposalOrAnotherCooperativesIsNotFoundAndStoresNothing() {
        String p = submit(bob, SOLAR);
        post(alice, p, "opening", 204);
        // alice is a member of both cooperatives, so only the address can make this a 404 (not a 403)
        String aliceId = createdIdOf(alice);
        String elsewhere = foundCooperative(riverside(aliceId));
        long before = jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?", Long.class, p);

        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", elsewhere, p, aliceMember).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"YES\"}")
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("proposal.not-found");
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", elsewhere, p).headers(as(alice))
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("proposal.not-found");
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/comments", elsewhere, p).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"hello\"}")
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("proposal.not-found");
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, "no-such-proposal", aliceMember).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"YES\"}")
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("proposal.not-found");
        http.delete().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, "no-such-proposal", aliceMember).headers(as(alice))
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("proposal.not-found");

        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?", Long.class, p))
                .as("nothing stored on the proposal addressed under the wrong cooperative").isEqualTo(before);
        vote(alice, p, aliceMember, "YES", 200);
    }
}
