package coop.plenum.api;

import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every kind of caller, against SPEC's API table: anonymous, a member of another cooperative,
 * a member, a secretary, an auditor (not a member), and the platform operator (not a member). Each row runs in a
 * freshly founded cooperative, so one caller's success cannot change another's answer. New endpoints join here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends BootedPlenum {

    enum Caller { ANONYMOUS, OTHER_COOPERATIVE, MEMBER, SECRETARY, AUDITOR, OPERATOR }

    /** The people of one freshly founded cooperative, and the ids the endpoints need. */
    record World(String coop, String applicant, String active, String suspended, String memberSelf, String danaAccount,
                 String proposal, String contribution) {
    }

    record Endpoint(String name, HttpMethod method, Function<World, String> path, String body, int... expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final Map<Caller, String> usernames = new java.util.EnumMap<>(Caller.class);
    private final Map<Caller, String> accountIds = new java.util.EnumMap<>(Caller.class);
    private String dana;
    private String danaId;
    private String applicant;
    private String suspended;

    @BeforeAll
    void createThePeople() {
        for (Caller caller : List.of(Caller.OTHER_COOPERATIVE, Caller.MEMBER, Caller.SECRETARY, Caller.AUDITOR)) {
            String username = unique(caller.name().toLowerCase().replace("_", "") .substring(0, 5));
            usernames.put(caller, username);
            accountIds.put(caller, createAccount(username, caller.name()));
        }
        dana = unique("dana");
        danaId = createAccount(dana, "Dana");
        applicant = unique("appl");
        createAccount(applicant, "Applicant");
        suspended = unique("susp");
        createAccount(suspended, "Suspended");
        // the other cooperative, where OTHER_COOPERATIVE is a member and secretary
        foundCooperative(riverside(accountIds.get(Caller.OTHER_COOPERATIVE)));
    }

    private World freshWorld() {
        Cooperators steps = new Cooperators(http);
        String secretary = usernames.get(Caller.SECRETARY);
        String coop = foundCooperative("""
                {"name": "Matrix Coop",
                 "charter": {"classes": [{"id": "workers", "name": "Workers", "weight": 60, "quorum": 50},
                                         {"id": "users", "name": "Users", "weight": 40, "quorum": 20}]},
                 "founders": [{"accountId": "%s", "classId": "workers"}, {"accountId": "%s", "classId": "users"}],
                 "secretaryAccountId": "%s"}""".formatted(accountIds.get(Caller.SECRETARY), accountIds.get(Caller.MEMBER),
                accountIds.get(Caller.SECRETARY)));
        String applied = steps.apply(coop, applicant, "users");
        String active = steps.apply(coop, dana, "users");
        steps.command(secretary, coop, active, "admission");
        String toSuspend = steps.apply(coop, suspended, "users");
        steps.command(secretary, coop, toSuspend, "admission");
        steps.command(secretary, coop, toSuspend, "suspension");
        steps.setRoles(secretary, coop, accountIds.get(Caller.AUDITOR), "[\"AUDITOR\"]");
        String self = steps.memberIdOf(secretary, coop, accountIds.get(Caller.MEMBER));
        String proposal = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(Cooperators.as(usernames.get(Caller.MEMBER)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(PROPOSAL).exchange().expectStatus().isCreated()
                .expectBody(com.fasterxml.jackson.databind.JsonNode.class).returnResult().getResponseBody().get("proposalId").asText();
        String contribution = http.post().uri("/api/v1/cooperatives/{c}/contributions", coop).headers(Cooperators.as(dana))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(CONTRIBUTION).exchange().expectStatus().isCreated()
                .expectBody(com.fasterxml.jackson.databind.JsonNode.class).returnResult().getResponseBody().get("contributionId").asText();
        return new World(coop, applied, active, toSuspend, self, danaId, proposal, contribution);
    }

    private static final String CONTRIBUTION = "{\"project\":\"matrix\",\"type\":\"WORK_HOURS\",\"quantity\":2,"
            + "\"description\":\"Testing\",\"occurredOn\":\"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "\"}";
    private static final String PROPOSAL = "{\"title\":\"Matrix\",\"body\":\"\",\"topic\":\"general\",\"kind\":\"GENERAL\"}";

    //                                                                         anon other member secr audit oper
    Stream<Arguments> endpoints() {
        List<Endpoint> table = new ArrayList<>(List.of(
                new Endpoint("POST accounts", HttpMethod.POST, w -> "/api/v1/accounts",
                        "{\"username\":\"%s\",\"password\":\"long-enough\",\"displayName\":\"X\"}", 401, 403, 403, 403, 403, 201),
                new Endpoint("POST cooperatives", HttpMethod.POST, w -> "/api/v1/cooperatives", "FOUND", 401, 403, 403, 403, 403, 201),
                new Endpoint("GET accounts/me", HttpMethod.GET, w -> "/api/v1/accounts/me", null, 401, 200, 200, 200, 200, 200),
                new Endpoint("GET my cooperatives", HttpMethod.GET, w -> "/api/v1/cooperatives", null, 401, 200, 200, 200, 200, 200),
                new Endpoint("GET cooperative", HttpMethod.GET, w -> "/api/v1/cooperatives/" + w.coop(), null, 401, 403, 200, 200, 200, 403),
                new Endpoint("GET members", HttpMethod.GET, w -> "/api/v1/cooperatives/" + w.coop() + "/members", null, 401, 403, 200, 200, 200, 403),
                new Endpoint("GET member", HttpMethod.GET, w -> "/api/v1/cooperatives/" + w.coop() + "/members/" + w.active(), null, 401, 403, 200, 200, 200, 403),
                new Endpoint("POST applications", HttpMethod.POST, w -> "/api/v1/cooperatives/" + w.coop() + "/applications",
                        "{\"classId\":\"users\"}", 401, 201, 409, 409, 403, 201),
                new Endpoint("POST admission", HttpMethod.POST, w -> member(w, w.applicant(), "admission"), null, 401, 403, 403, 204, 403, 403),
                new Endpoint("POST rejection", HttpMethod.POST, w -> member(w, w.applicant(), "rejection"), null, 401, 403, 403, 204, 403, 403),
                new Endpoint("POST suspension", HttpMethod.POST, w -> member(w, w.active(), "suspension"), null, 401, 403, 403, 204, 403, 403),
                new Endpoint("POST reinstatement", HttpMethod.POST, w -> member(w, w.suspended(), "reinstatement"), null, 401, 403, 403, 204, 403, 403),
                new Endpoint("POST withdrawal (the member's own)", HttpMethod.POST, w -> member(w, w.memberSelf(), "withdrawal"), null, 401, 403, 204, 403, 403, 403),
                new Endpoint("PUT class", HttpMethod.PUT, w -> member(w, w.active(), "class"), "{\"classId\":\"workers\"}", 401, 403, 403, 204, 403, 403),
                new Endpoint("POST proposals", HttpMethod.POST, w -> "/api/v1/cooperatives/" + w.coop() + "/proposals",
                        PROPOSAL, 401, 403, 201, 201, 403, 403),
                new Endpoint("GET proposals", HttpMethod.GET, w -> "/api/v1/cooperatives/" + w.coop() + "/proposals", null, 401, 403, 200, 200, 200, 403),
                new Endpoint("GET tally", HttpMethod.GET, w -> "/api/v1/cooperatives/" + w.coop() + "/proposals/" + w.proposal() + "/tally",
                        null, 401, 403, 200, 200, 200, 403),
                // the world's proposal is an open-ballot one: readers get 409 proposal.not-secret, the others no further
                new Endpoint("GET revealed-ballots", HttpMethod.GET, w -> "/api/v1/cooperatives/" + w.coop() + "/proposals/" + w.proposal()
                        + "/revealed-ballots", null, 401, 403, 409, 409, 409, 403),
                // the world's proposal is no budget: readers get 404 budget.payments-not-a-budget, the others no further
                new Endpoint("GET budget payments of a member", HttpMethod.GET, w -> "/api/v1/cooperatives/" + w.coop()
                        + "/proposals/" + w.proposal() + "/budget/payments/" + w.memberSelf(), null, 401, 403, 404, 404, 404, 403),
                new Endpoint("GET my budget payments", HttpMethod.GET, w -> "/api/v1/cooperatives/" + w.coop()
                        + "/proposals/" + w.proposal() + "/budget/payments/me", null, 401, 403, 404, 404, 404, 403),
                new Endpoint("POST opening", HttpMethod.POST, w -> "/api/v1/cooperatives/" + w.coop() + "/proposals/" + w.proposal() + "/opening",
                        null, 401, 403, 403, 204, 403, 403),
                new Endpoint("POST withdrawal of a proposal (by its author, the member)", HttpMethod.POST,
                        w -> "/api/v1/cooperatives/" + w.coop() + "/proposals/" + w.proposal() + "/withdrawal", null, 401, 403, 204, 403, 403, 403),
                new Endpoint("PUT roles", HttpMethod.PUT, w -> "/api/v1/cooperatives/" + w.coop() + "/roles/" + w.danaAccount(),
                        "{\"roles\":[\"AUDITOR\"]}", 401, 403, 403, 204, 403, 403),
                new Endpoint("POST contributions", HttpMethod.POST, w -> ledger(w, "/contributions"), CONTRIBUTION, 401, 403, 201, 201, 403, 403),
                new Endpoint("GET contributions", HttpMethod.GET, w -> ledger(w, "/contributions"), null, 401, 403, 200, 200, 200, 403),
                new Endpoint("GET contribution", HttpMethod.GET, w -> ledger(w, "/contributions/" + w.contribution()), null, 401, 403, 200, 200, 200, 403),
                new Endpoint("POST evaluations (of another member's contribution)", HttpMethod.POST,
                        w -> ledger(w, "/contributions/" + w.contribution() + "/evaluations"), "{\"verdict\":\"ACCEPT\"}", 401, 403, 201, 201, 403, 403),
                new Endpoint("GET voting-power", HttpMethod.GET, w -> member(w, w.active(), "voting-power"), null, 401, 403, 200, 200, 200, 403),
                new Endpoint("POST revenues", HttpMethod.POST, w -> ledger(w, "/revenues"),
                        "{\"project\":\"matrix\",\"amount\":\"10.00\",\"currency\":\"EUR\"}", 401, 403, 403, 201, 403, 403),
                new Endpoint("GET revenues", HttpMethod.GET, w -> ledger(w, "/revenues"), null, 401, 403, 200, 200, 200, 403),
                new Endpoint("GET open-book", HttpMethod.GET, w -> ledger(w, "/open-book"), null, 401, 403, 200, 200, 200, 403),
                new Endpoint("GET allocations", HttpMethod.GET, w -> ledger(w, "/allocations"), null, 401, 403, 200, 200, 200, 403),
                // the world's proposal decided no budget: the secretary passes the role check and meets 404
                new Endpoint("POST allocation spending", HttpMethod.POST, w -> ledger(w, "/allocations/" + w.proposal() + "/spending"),
                        "{\"project\":\"bikes\",\"amount\":\"1.00\"}", 401, 403, 403, 404, 403, 403),
                new Endpoint("PUT delegation (the member's own)", HttpMethod.PUT, w -> member(w, w.memberSelf(), "delegations/_global"),
                        "{\"delegateId\":\"DELEGATE\"}", 401, 403, 204, 403, 403, 403),
                new Endpoint("DELETE delegation (the member's own)", HttpMethod.DELETE, w -> member(w, w.memberSelf(), "delegations/_global"),
                        null, 401, 403, 204, 403, 403, 403),
                new Endpoint("GET delegations", HttpMethod.GET, w -> member(w, w.memberSelf(), "delegations"), null, 401, 403, 200, 200, 200, 403),
                new Endpoint("GET receipts (the member's own; nobody else's)", HttpMethod.GET, w -> member(w, w.memberSelf(), "receipts"),
                        null, 401, 403, 200, 403, 403, 403),
                new Endpoint("GET vote provenance (before voting opens: 409)", HttpMethod.GET,
                        w -> "/api/v1/cooperatives/" + w.coop() + "/proposals/" + w.proposal() + "/tally/members/" + w.memberSelf(),
                        null, 401, 403, 409, 409, 409, 403),
                new Endpoint("PUT outcome-statement (its author only; before the vote closes: 409)", HttpMethod.PUT,
                        w -> "/api/v1/cooperatives/" + w.coop() + "/proposals/" + w.proposal() + "/outcome-statement",
                        "{\"statement\":\"We decided.\"}", 401, 403, 409, 403, 403, 403),
                new Endpoint("GET open-book.csv", HttpMethod.GET, w -> ledger(w, "/open-book.csv"), null, 401, 403, 200, 200, 200, 403),
                new Endpoint("GET webhooks", HttpMethod.GET, w -> ledger(w, "/webhooks"), null, 401, 403, 403, 200, 403, 403),
                // the secretary passes the role check and meets the SSRF refusal (an IP literal: no DNS in the test)
                new Endpoint("POST webhooks", HttpMethod.POST, w -> ledger(w, "/webhooks"),
                        "{\"url\":\"https://10.0.0.1/hook\",\"events\":[\"voting.opened\"]}", 401, 403, 403, 400, 403, 403),
                new Endpoint("GET proposal calendar.ics", HttpMethod.GET,
                        w -> "/api/v1/cooperatives/" + w.coop() + "/proposals/" + w.proposal() + "/calendar.ics",
                        null, 401, 403, 404, 404, 404, 403),
                new Endpoint("POST my calendar feed", HttpMethod.POST, w -> "/api/v1/accounts/me/calendar-feed", null,
                        401, 201, 201, 201, 201, 201)));
        return table.stream().map(Arguments::of);
    }

    private static String ledger(World w, String path) {
        return "/api/v1/cooperatives/" + w.coop() + path;
    }

    private static String member(World w, String memberId, String action) {
        return "/api/v1/cooperatives/" + w.coop() + "/members/" + memberId + "/" + action;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyCallerGetsTheStatusTheApiTableGivesThem(Endpoint endpoint) {
        World world = freshWorld();
        List<String> mismatches = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            int expected = endpoint.expected()[caller.ordinal()];
            int actual = call(endpoint, world, caller);
            if (actual != expected) {
                mismatches.add(caller + " expected " + expected + " got " + actual);
            }
        }
        assertThat(mismatches).as(endpoint.name()).isEmpty();
    }

    private int call(Endpoint endpoint, World world, Caller caller) {
        WebTestClient.RequestBodySpec request = http.method(endpoint.method()).uri(endpoint.path().apply(world));
        if (caller == Caller.OPERATOR) {
            request.headers(h -> h.setBasicAuth("admin", OPERATOR_PASSWORD));
        } else if (caller != Caller.ANONYMOUS) {
            request.headers(Cooperators.as(usernames.get(caller)));
        }
        WebTestClient.RequestHeadersSpec<?> ready = request;
        if (endpoint.body() != null) {
            String body = "FOUND".equals(endpoint.body()) ? riverside(accountIds.get(Caller.MEMBER))
                    : endpoint.body().replace("DELEGATE", world.active()).formatted(unique("u"));
            ready = request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        }
        return ready.exchange().returnResult(String.class).getStatus().value();
    }
}
