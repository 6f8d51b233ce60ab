package coop.plenum.api;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Open value accounting (ledger)" over HTTP, on the booted application. */
class LedgerApiTest extends BootedPlenum {

    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    private Cooperators steps;
    private String alice;   // workers, secretary
    private String bob;     // workers
    private String cara;    // users
    private String coop;
    private String aliceMember;
    private String bobMember;
    private String caraMember;

    @BeforeEach
    void aCooperativeWhoseVotingPowerGrowsWithContributions() {
        steps = new Cooperators(http);
        alice = unique("alice");
        bob = unique("bob");
        cara = unique("cara");
        String aliceId = createAccount(alice, "Alice");
        String bobId = createAccount(bob, "Bob");
        String caraId = createAccount(cara, "Cara");
        coop = foundCooperative("""
                {"name": "Bakers",
                 "charter": {"classes": [{"id": "workers", "name": "Workers", "weight": 60, "quorum": 0},
                                         {"id": "users", "name": "Users", "weight": 40, "quorum": 0}],
                             "topics": ["bread"],
                             "votingPower": {"mode": "CONTRIBUTION_WEIGHTED", "pointsPerVote": 10, "maxBonus": 2},
                             "ledger": {"rates": {"WORK_HOURS": 1, "MONEY": "0.1"}, "requiredEvaluations": 2}},
                 "founders": [{"accountId": "%s", "classId": "workers"}, {"accountId": "%s", "classId": "workers"},
                              {"accountId": "%s", "classId": "users"}],
                 "secretaryAccountId": "%s"}""".formatted(aliceId, bobId, caraId, aliceId));
        aliceMember = steps.memberIdOf(alice, coop, aliceId);
        bobMember = steps.memberIdOf(alice, coop, bobId);
        caraMember = steps.memberIdOf(alice, coop, caraId);
    }

    private String log(String as, String body) {
        return http.post().uri("/api/v1/cooperatives/{c}/contributions", coop).headers(as(as))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("contributionId").asText();
    }

    private static String hours(String project, String quantity) {
        return """
                {"project": "%s", "type": "WORK_HOURS", "quantity": %s, "description": "Kneading", "occurredOn": "%s"}"""
                .formatted(project, quantity, TODAY);
    }

    private void evaluate(String as, String contribution, String verdict, int status) {
        http.post().uri("/api/v1/cooperatives/{c}/contributions/{k}/evaluations", coop, contribution).headers(as(as))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"verdict\":\"" + verdict + "\"}")
                .exchange().expectStatus().isEqualTo(status);
    }

    private String accepted(String as, String project, String quantity, String... evaluators) {
        String id = log(as, hours(project, quantity));
        for (String evaluator : evaluators) {
            evaluate(evaluator, id, "ACCEPT", 201);
        }
        return id;
    }

    private JsonNode get(String as, String path, Object... vars) {
        return http.get().uri(path, vars).headers(as(as)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void aContributionAcceptedByTwoPeersEarnsQuantityTimesRatePointsAndVotingPower() {
        String id = log(bob, hours("bakery", "15"));
        JsonNode pending = get(cara, "/api/v1/cooperatives/{c}/contributions/{k}", coop, id);
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.get("points").isNull()).isTrue();
        assertThat(pending.get("memberId").asText()).isEqualTo(bobMember);
        assertThat(pending.get("displayName").asText()).isEqualTo("Bob");

        evaluate(alice, id, "ACCEPT", 201);
        assertThat(get(bob, "/api/v1/cooperatives/{c}/contributions/{k}", coop, id).get("status").asText()).isEqualTo("PENDING");
        http.post().uri("/api/v1/cooperatives/{c}/contributions/{k}/evaluations", coop, id).headers(as(cara))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"verdict\":\"ACCEPT\",\"note\":\"Good bread\"}")
                .exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.status").isEqualTo("ACCEPTED")
                .jsonPath("$.points").isEqualTo("15.000000")
                .jsonPath("$.evaluations.length()").isEqualTo(2)
                .jsonPath("$.evaluations[1].note").isEqualTo("Good bread");

        JsonNode power = get(cara, "/api/v1/cooperatives/{c}/members/{m}/voting-power", coop, bobMember);
        assertThat(power.get("memberId").asText()).isEqualTo(bobMember);
        assertThat(power.get("points").asText()).isEqualTo("15.000000");
        assertThat(power.get("power").asText()).isEqualTo("2.500000");
        assertThat(power.get("contributions").get(0).get("contributionId").asText()).isEqualTo(id);
        assertThat(get(bob, "/api/v1/cooperatives/{c}/members/{m}/voting-power", coop, caraMember).get("power").asText())
                .isEqualTo("1.000000");
        for (JsonNode m : steps.members(alice, coop)) {
            assertThat(m.get("votingPower").asText()).isEqualTo(m.get("memberId").asText().equals(bobMember) ? "2.500000" : "1.000000");
        }
    }

    @Test
    void powerNeverExceedsOnePlusTheMaximumBonus() {
        accepted(bob, "bakery", "500", alice, cara);
        assertThat(get(bob, "/api/v1/cooperatives/{c}/members/{m}/voting-power", coop, bobMember).get("power").asText())
                .isEqualTo("3.000000");
    }

    @Test
    void twoRejectionsRejectAContributionAndItEarnsNothing() {
        String id = log(bob, hours("bakery", "4"));
        evaluate(alice, id, "REJECT", 201);
        evaluate(cara, id, "REJECT", 201);
        JsonNode c = get(bob, "/api/v1/cooperatives/{c}/contributions/{k}", coop, id);
        assertThat(c.get("status").asText()).isEqualTo("REJECTED");
        assertThat(get(bob, "/api/v1/cooperatives/{c}/members/{m}/voting-power", coop, bobMember).get("points").asText())
                .isEqualTo("0.000000");
    }

    @Test
    void badContributionsAre400NamingTheFieldAndStoreNothing() {
        String stranger = unique("stranger");
        createAccount(stranger, "Stranger");
        long before = eventsInTheLog();
        problem(bob, "{\"project\":\"bakery\",\"type\":\"KARMA\",\"quantity\":1,\"description\":\"x\",\"occurredOn\":\"" + TODAY + "\"}",
                400, "type");
        problem(bob, hours("bakery", "0"), 400, "quantity");
        problem(bob, hours("Bakery Website", "1"), 400, "project");
        problem(bob, "{\"project\":\"bakery\",\"type\":\"WORK_HOURS\",\"quantity\":1,\"description\":\"x\",\"occurredOn\":\"yesterday\"}",
                400, "occurredOn");
        problem(bob, "{\"project\":\"bakery\",\"type\":\"WORK_HOURS\",\"quantity\":1,\"description\":\"x\",\"occurredOn\":\""
                + LocalDate.now(ZoneOffset.UTC).plusDays(2) + "\"}", 400, "occurredOn");
        problem(stranger, hours("bakery", "1"), 403, null);
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    private void problem(String as, String body, int status, String field) {
        var spec = http.post().uri("/api/v1/cooperatives/{c}/contributions", coop).headers(as(as))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        if (field != null) {
            spec.jsonPath("$.field").isEqualTo(field);
        }
    }

    @Test
    void evaluationRefusalsAreClearAndStoreNothing() {
        String id = log(bob, hours("bakery", "2"));
        long before = eventsInTheLog();
        evaluate(bob, id, "ACCEPT", 403);                 // never one's own
        evaluate(alice, id, "MAYBE", 400);                // not a verdict
        evaluate(alice, "no-such-contribution", "ACCEPT", 404);
        assertThat(eventsInTheLog()).isEqualTo(before);
        evaluate(alice, id, "ACCEPT", 201);
        evaluate(alice, id, "REJECT", 409);               // one verdict per evaluator
        evaluate(cara, id, "ACCEPT", 201);
        String dan = unique("dan");
        createAccount(dan, "Dan");
        String danMember = steps.apply(coop, dan, "users");
        steps.command(alice, coop, danMember, "admission");
        evaluate(dan, id, "REJECT", 409);                 // already decided
    }

    @Test
    void onlyActiveMembersLogAndEvaluateAndANewlyAdmittedMemberCanAtOnce() {
        String id = log(bob, hours("bakery", "2"));
        steps.command(alice, coop, caraMember, "suspension");
        evaluate(cara, id, "ACCEPT", 409);
        http.post().uri("/api/v1/cooperatives/{c}/contributions", coop).headers(as(cara))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(hours("bakery", "1"))
                .exchange().expectStatus().isEqualTo(409);
        steps.command(alice, coop, caraMember, "reinstatement");
        evaluate(cara, id, "ACCEPT", 201);

        String dan = unique("dan");
        createAccount(dan, "Dan");
        String danMember = steps.apply(coop, dan, "users");
        steps.command(alice, coop, danMember, "admission");
        log(dan, hours("bakery", "1"));
    }

    @Test
    void aRevenueIsSharedProRataToTheProjectsAcceptedPointsAndTheOpenBookShowsIt() {
        accepted(bob, "bakery", "2", alice, cara);
        accepted(cara, "bakery", "1", alice, bob);
        accepted(alice, "garden", "7", bob, cara);
        log(alice, hours("bakery", "9"));   // pending: no share

        http.post().uri("/api/v1/cooperatives/{c}/revenues", coop).headers(as(bob))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"project\":\"bakery\",\"amount\":\"100\",\"currency\":\"EUR\"}")
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/v1/cooperatives/{c}/revenues", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"project\":\"bakery\",\"amount\":\"1.001\",\"currency\":\"EUR\"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("amount");

        JsonNode revenue = http.post().uri("/api/v1/cooperatives/{c}/revenues", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"project\":\"bakery\",\"amount\":\"100\",\"currency\":\"EUR\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(revenue.get("amount").asText()).isEqualTo("100.00");
        assertThat(revenue.get("unallocated").asText()).isEqualTo("0.00");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode a : revenue.get("allocations")) {
            sum = sum.add(new BigDecimal(a.get("amount").asText()));
            assertThat(a.get("amount").asText()).isEqualTo(a.get("memberId").asText().equals(bobMember) ? "66.67" : "33.33");
        }
        assertThat(sum).isEqualByComparingTo("100.00");

        JsonNode unallocated = http.post().uri("/api/v1/cooperatives/{c}/revenues", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"project\":\"orchard\",\"amount\":500,\"currency\":\"JPY\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(unallocated.get("allocations")).isEmpty();
        assertThat(unallocated.get("unallocated").asText()).isEqualTo("500");

        assertThat(get(cara, "/api/v1/cooperatives/{c}/revenues?project=bakery", coop)).hasSize(1);
        JsonNode book = get(cara, "/api/v1/cooperatives/{c}/open-book", coop);
        JsonNode bobTotals = null;
        for (JsonNode m : book.get("members")) {
            if (m.get("memberId").asText().equals(bobMember)) {
                bobTotals = m;
            }
        }
        assertThat(bobTotals.get("acceptedPoints").asText()).isEqualTo("2.000000");
        assertThat(bobTotals.get("earnings").get("EUR").asText()).isEqualTo("66.67");
        JsonNode bakery = book.get("projects").get(0);
        assertThat(bakery.get("project").asText()).isEqualTo("bakery");
        assertThat(bakery.get("acceptedPoints").asText()).isEqualTo("3.000000");
        assertThat(bakery.get("pending").asInt()).isEqualTo(1);
        assertThat(bakery.get("revenue").get("EUR").asText()).isEqualTo("100.00");
        assertThat(book.get("projects").get(2).get("unallocated").get("JPY").asText()).isEqualTo("500");

        String csv = http.get().uri("/api/v1/cooperatives/{c}/open-book.csv", coop).headers(as(cara)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"open-book-.*\\.csv\"")
                .expectBody(String.class).returnResult().getResponseBody();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("entry,at,contributionId,revenueId,memberId,member,project");
        assertThat(csv).contains("CONTRIBUTION,").contains("EVALUATION,").contains("REVENUE,").contains("ALLOCATION,")
                .contains(",Bob,bakery,").contains(",66.67,EUR,");
        // 4 contributions, 6 evaluations, 2 revenues, 2 allocations
        assertThat(lines).hasSize(1 + 4 + 6 + 2 + 2);

        http.get().uri("/api/v1/cooperatives/{c}/contributions?member={m}&project=bakery&status=ACCEPTED", coop, bobMember)
                .headers(as(cara)).exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void acceptedContributionsChangePowerInTheNextVotesElectorateButNotInAVoteAlreadyOpen() {
        String before = submit();
        post(alice, before, "opening");
        accepted(bob, "bakery", "15", alice, cara);
        String after = submit();
        post(alice, after, "opening");

        assertThat(workersPower(before)).isEqualTo("2.000000");   // alice 1 + bob 1
        assertThat(workersPower(after)).isEqualTo("3.500000");    // alice 1 + bob 2.5

        // and the frozen electorate stays so when bob votes
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, before, bobMember).headers(as(bob))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"YES\"}").exchange().expectStatus().isOk();
        assertThat(get(bob, "/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, before).at("/classes/0/yes").asText())
                .isEqualTo("1.000000");
    }

    private String submit() {
        return http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(bob))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Rye\",\"body\":\"More rye\",\"topic\":\"bread\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
    }

    private void post(String as, String proposal, String action) {
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/{a}", coop, proposal, action).headers(as(as))
                .exchange().expectStatus().isNoContent();
    }

    private String workersPower(String proposal) {
        return get(cara, "/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, proposal).at("/classes/0/electoratePower").asText();
    }

    @Test
    void membersAndAuditorsReadTheOpenBookOthersDoNot() {
        String auditor = unique("auditor");
        String auditorId = createAccount(auditor, "Auditor");
        steps.setRoles(alice, coop, auditorId, "[\"AUDITOR\"]");
        accepted(bob, "bakery", "1", alice, cara);
        get(auditor, "/api/v1/cooperatives/{c}/open-book", coop);
        get(auditor, "/api/v1/cooperatives/{c}/contributions", coop);
        get(auditor, "/api/v1/cooperatives/{c}/revenues", coop);
        String stranger = unique("stranger");
        createAccount(stranger, "Stranger");
        http.get().uri("/api/v1/cooperatives/{c}/open-book.csv", coop).headers(as(stranger)).exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/cooperatives/{c}/contributions", coop).headers(as(stranger)).exchange().expectStatus().isForbidden();
        // an auditor who is not a member logs and evaluates nothing
        http.post().uri("/api/v1/cooperatives/{c}/contributions", coop).headers(as(auditor))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(hours("bakery", "1")).exchange().expectStatus().isForbidden();
    }
}
