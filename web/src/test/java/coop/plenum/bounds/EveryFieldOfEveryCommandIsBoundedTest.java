package coop.plenum.bounds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: every leaf of every command body, replaced by a hostile value of the kinds that once gave 500s or poison
 * events (NUL and other control characters, a half surrogate pair, over-long text, numbers of 1,000 digits or
 * 10,000 fractional ones, integers beyond 32 bits, instants beyond 9999). No answer is a 5xx; every 4xx is
 * problem+json and stores nothing; and whatever was accepted can be read back: afterwards a new cooperative is
 * readable at once (a poison event would have stalled the read models).
 */
class EveryFieldOfEveryCommandIsBoundedTest extends BootedPlenum {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> HOSTILE = List.of(
            text("x\u0000"), text("\u0007bell"), text("\u001b[31m"), text("half \ud800 pair"), text("a".repeat(20_001)),
            text("1E+1000"), text("1E-10000"), text("+294277-01-01T00:00:00Z"), text("-0001-01-01"),
            JsonNodeFactory.instance.numberNode(new java.math.BigDecimal("1E+999")),
            JsonNodeFactory.instance.numberNode(new java.math.BigDecimal("-1E-999")),
            JsonNodeFactory.instance.numberNode(2_147_483_648L),
            JsonNodeFactory.instance.nullNode());

    private static JsonNode text(String value) {
        return JsonNodeFactory.instance.textNode(value);
    }

    record Endpoint(String name, HttpMethod method, String uri, Consumer<HttpHeaders> who, String body) {
    }

    @Test
    void noHostileValueInAnyFieldIsAServerErrorOrAnUnreadableEvent() throws Exception {
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice");
        String coop = foundCooperative(riverside(aliceId));
        Cooperators steps = new Cooperators(http);
        String bob = unique("bob");
        createAccount(bob, "Bob");
        String bobMember = steps.apply(coop, bob, "users");
        steps.command(alice, coop, bobMember, "admission");
        String aliceMember = steps.memberIdOf(alice, coop, aliceId);
        String carol = unique("carol");
        createAccount(carol, "Carol");
        String proposal = created(http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Solar\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}"), "proposalId");
        // option votes open, so that their ballots reach the checks of the proposal's method
        String optionsJson = "[{\"id\":\"solar\",\"label\":\"Solar\"},{\"id\":\"wind\",\"label\":\"Wind\"}]";
        Map<String, String> openVotes = new java.util.HashMap<>();
        for (String method : List.of("APPROVAL", "SCORE", "CONSENT", "RANKED")) {
            String id = created(http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"title\":\"Which\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\",\"method\":\""
                            + method + "\"" + (method.equals("CONSENT") ? "" : ",\"options\":" + optionsJson) + "}"), "proposalId");
            http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, id).headers(as(alice))
                    .exchange().expectStatus().isNoContent();
            openVotes.put(method, id);
        }
        // board elections (ELECTION): one in deliberation for nominations, one open with alice standing for workers
        String electionJson = "{\"title\":\"Board\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\","
                + "\"method\":\"ELECTION\",\"seats\":{\"workers\":1,\"users\":1}}";
        String electing = created(http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(electionJson), "proposalId");
        String electionOpen = created(http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(electionJson), "proposalId");
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/candidates", coop, electionOpen).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"memberId\":\"" + aliceMember + "\"}")
                .exchange().expectStatus().isNoContent();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, electionOpen).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        // a closed vote, so that an outcome statement reaches its checks
        String closed = created(http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Closed\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}"), "proposalId");
        for (String step : List.of("opening", "closing")) {
            http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/" + step, coop, closed).headers(as(alice))
                    .exchange().expectStatus().isNoContent();
        }
        String today = LocalDate.now().toString();
        String comment = created(http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/comments", coop, proposal).headers(as(bob))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"A first thought\"}"), "commentId");
        String contribution = created(http.post().uri("/api/v1/cooperatives/{c}/contributions", coop).headers(as(bob))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"project\":\"depot\",\"type\":\"WORK_HOURS\",\"quantity\":2,\"description\":\"Roof\",\"occurredOn\":\"" + today + "\"}"),
                "contributionId");
        String opens = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String closes = Instant.now().plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String charter = """
                {"classes": [{"id": "workers", "name": "Workers", "weight": 60, "quorum": 50},
                             {"id": "users", "name": "Users", "weight": 40, "quorum": 20}],
                 "topics": ["energy", "finance"],
                 "decision": {"threshold": "TWO_THIRDS", "classRule": "EVERY_CLASS"},
                 "votingPower": {"mode": "CONTRIBUTION_WEIGHTED", "pointsPerVote": "10", "maxBonus": "2", "windowDays": 365},
                 "delegation": {"enabled": true, "maxChainLength": 3},
                 "admission": "SECRETARY",
                 "ledger": {"rates": {"WORK_HOURS": 1, "MONEY": "0.1"}, "requiredEvaluations": 2}}""";
        Consumer<HttpHeaders> operator = h -> h.setBasicAuth("admin", OPERATOR_PASSWORD);

        List<Endpoint> endpoints = List.of(
                new Endpoint("create account", HttpMethod.POST, "/api/v1/accounts", operator,
                        "{\"username\":\"" + unique("dora") + "\",\"password\":\"long-enough\",\"displayName\":\"Dora\"}"),
                new Endpoint("found cooperative", HttpMethod.POST, "/api/v1/cooperatives", operator,
                        "{\"name\":\"Bakery\",\"charter\":" + charter + ",\"founders\":[{\"accountId\":\"" + aliceId
                                + "\",\"classId\":\"workers\"}],\"secretaryAccountId\":\"" + aliceId + "\"}"),
                new Endpoint("submit proposal", HttpMethod.POST, "/api/v1/cooperatives/" + coop + "/proposals", as(alice),
                        "{\"title\":\"Wind\",\"body\":\"Two turbines\",\"topic\":\"energy\",\"kind\":\"GENERAL\","
                                + "\"votingOpensAt\":\"" + opens + "\",\"votingClosesAt\":\"" + closes + "\",\"visibility\":\"AFTER_CLOSE\"}"),
                new Endpoint("record outcome statement", HttpMethod.PUT, "/api/v1/cooperatives/" + coop + "/proposals/" + closed
                        + "/outcome-statement", as(alice), "{\"statement\":\"We build the turbine.\"}"),
                new Endpoint("submit amendment", HttpMethod.POST, "/api/v1/cooperatives/" + coop + "/proposals", as(alice),
                        "{\"title\":\"Rates\",\"body\":\"\",\"topic\":\"finance\",\"kind\":\"CHARTER_AMENDMENT\",\"effect\":" + charter + "}"),
                new Endpoint("revise proposal", HttpMethod.PUT, "/api/v1/cooperatives/" + coop + "/proposals/" + proposal, as(alice),
                        "{\"title\":\"Solar roof\",\"body\":\"Panels\"}"),
                new Endpoint("comment", HttpMethod.POST, "/api/v1/cooperatives/" + coop + "/proposals/" + proposal + "/comments", as(bob),
                        "{\"text\":\"Good idea\"}"),
                new Endpoint("reply to a comment", HttpMethod.POST, "/api/v1/cooperatives/" + coop + "/proposals/" + proposal + "/comments",
                        as(bob), "{\"text\":\"Agreed\",\"replyTo\":\"" + comment + "\"}"),
                new Endpoint("apply", HttpMethod.POST, "/api/v1/cooperatives/" + coop + "/applications", as(carol),
                        "{\"classId\":\"users\"}"),
                new Endpoint("change class", HttpMethod.PUT, "/api/v1/cooperatives/" + coop + "/members/" + bobMember + "/class", as(alice),
                        "{\"classId\":\"users\"}"),
                new Endpoint("set roles", HttpMethod.PUT, "/api/v1/cooperatives/" + coop + "/roles/" + aliceId, as(alice),
                        "{\"roles\":[\"SECRETARY\",\"AUDITOR\"]}"),
                new Endpoint("delegate", HttpMethod.PUT, "/api/v1/cooperatives/" + coop + "/members/" + bobMember + "/delegations/energy",
                        as(bob), "{\"delegateId\":\"" + aliceMember + "\"}"),
                new Endpoint("log contribution", HttpMethod.POST, "/api/v1/cooperatives/" + coop + "/contributions", as(bob),
                        "{\"project\":\"depot\",\"type\":\"WORK_HOURS\",\"quantity\":\"1.5\",\"description\":\"Roof\",\"occurredOn\":\"" + today + "\"}"),
                new Endpoint("evaluate", HttpMethod.POST, "/api/v1/cooperatives/" + coop + "/contributions/" + contribution + "/evaluations",
                        as(alice), "{\"verdict\":\"REJECT\",\"note\":\"Not ours\"}"),
                new Endpoint("record revenue", HttpMethod.POST, "/api/v1/cooperatives/" + coop + "/revenues", as(alice),
                        "{\"project\":\"depot\",\"amount\":\"10.00\",\"currency\":\"EUR\"}"),
                // the proposal decided no budget: well-formed input meets 404 at the Ledger, hostile input 400 before it
                new Endpoint("mark allocation spent", HttpMethod.POST, "/api/v1/cooperatives/" + coop + "/allocations/" + proposal
                        + "/spending", as(alice), "{\"project\":\"bikes\",\"amount\":\"10.00\",\"note\":\"Invoice 41\"}"),
                new Endpoint("cast ballot", HttpMethod.PUT, "/api/v1/cooperatives/" + coop + "/proposals/" + proposal + "/ballots/" + aliceMember,
                        as(alice), "{\"choice\":\"YES\"}"),
                new Endpoint("submit approval proposal", HttpMethod.POST, "/api/v1/cooperatives/" + coop + "/proposals", as(alice),
                        "{\"title\":\"Which\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\",\"method\":\"APPROVAL\","
                                + "\"options\":" + optionsJson + "}"),
                new Endpoint("submit budget proposal", HttpMethod.POST, "/api/v1/cooperatives/" + coop + "/proposals", as(alice),
                        "{\"title\":\"Fund\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\",\"method\":\"BUDGET\","
                                + "\"budget\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},\"options\":[{\"id\":\"roof\",\"label\":\"Roof\","
                                + "\"cost\":\"600\"},{\"id\":\"bikes\",\"label\":\"Bikes\",\"cost\":250.5}]}"),
                new Endpoint("cast approval ballot", HttpMethod.PUT, "/api/v1/cooperatives/" + coop + "/proposals/"
                        + openVotes.get("APPROVAL") + "/ballots/" + aliceMember, as(alice),
                        "{\"approve\":[\"solar\",\"wind\"],\"reason\":\"both\"}"),
                new Endpoint("cast score ballot", HttpMethod.PUT, "/api/v1/cooperatives/" + coop + "/proposals/"
                        + openVotes.get("SCORE") + "/ballots/" + aliceMember, as(alice),
                        "{\"scores\":{\"solar\":5,\"wind\":0}}"),
                new Endpoint("cast consent ballot", HttpMethod.PUT, "/api/v1/cooperatives/" + coop + "/proposals/"
                        + openVotes.get("CONSENT") + "/ballots/" + aliceMember, as(alice),
                        "{\"consent\":\"OBJECT\",\"reason\":\"too costly\"}"),
                new Endpoint("cast ranked ballot", HttpMethod.PUT, "/api/v1/cooperatives/" + coop + "/proposals/"
                        + openVotes.get("RANKED") + "/ballots/" + aliceMember, as(alice),
                        "{\"ranking\":[[\"wind\"],[\"solar\"]]}"),
                new Endpoint("submit election", HttpMethod.POST, "/api/v1/cooperatives/" + coop + "/proposals", as(alice), electionJson),
                new Endpoint("nominate a candidate", HttpMethod.POST, "/api/v1/cooperatives/" + coop + "/proposals/" + electing
                        + "/candidates", as(alice), "{\"memberId\":\"" + bobMember + "\"}"),
                new Endpoint("cast election ballot", HttpMethod.PUT, "/api/v1/cooperatives/" + coop + "/proposals/"
                        + electionOpen + "/ballots/" + aliceMember, as(alice), "{\"ranking\":[[\"" + aliceMember + "\"]]}"),
                new Endpoint("notification preferences", HttpMethod.PUT, "/api/v1/notifications/preferences", as(bob),
                        "{\"email\":\"bob@example.org\",\"preferences\":{\"VOTE_OPENED\":\"DIGEST\"}}"),
                new Endpoint("mark notifications read", HttpMethod.POST, "/api/v1/notifications/read", as(bob),
                        "{\"ids\":[\"some-notification\"],\"all\":false}"));

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Endpoint endpoint : endpoints) {
            JsonNode valid = JSON.readTree(endpoint.body());
            for (String leaf : leaves(valid, "")) {
                for (JsonNode hostile : HOSTILE) {
                    JsonNode body = replaced(valid, leaf, hostile);
                    long before = eventsInTheLog();
                    EntityExchangeResult<byte[]> result = http.method(endpoint.method()).uri(endpoint.uri()).headers(endpoint.who())
                            .contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsString(body))
                            .exchange().expectBody().returnResult();
                    sent++;
                    int status = result.getStatus().value();
                    statuses.merge(status, 1, Integer::sum);
                    String what = endpoint.name() + " " + leaf + " = " + abbreviated(hostile) + " → " + status;
                    if (status >= 500) {
                        failures.add(what);
                    } else if (status >= 400) {
                        MediaType type = result.getResponseHeaders().getContentType();
                        if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                            failures.add(what + " without problem+json");
                        }
                        if (eventsInTheLog() != before) {
                            failures.add(what + " stored events");
                        }
                    }
                }
            }
        }
        System.out.printf("EveryFieldOfEveryCommandIsBoundedTest: %d requests, statuses %s%n", sent, statuses);
        assertThat(failures).isEmpty();
        assertThat(sent).isGreaterThan(500);

        // whatever was accepted was read back by every projection: a new cooperative is visible at once
        String fresh = foundCooperative(riverside(aliceId));
        http.get().uri("/api/v1/cooperatives/{c}", fresh).headers(as(alice)).exchange().expectStatus().isOk();
    }

    private String created(org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?> request, String idField) {
        JsonNode body = request.exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return body.get(idField).asText();
    }

    private static String abbreviated(JsonNode value) {
        String text = value.toString();
        return text.length() > 24 ? text.substring(0, 24) + "…(" + text.length() + ")" : text;
    }

    /** JSON pointers of every scalar in the document. */
    private static List<String> leaves(JsonNode node, String at) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> out.addAll(leaves(e.getValue(), at + "/" + e.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.addAll(leaves(node.get(i), at + "/" + i));
            }
        } else {
            out.add(at);
        }
        return out;
    }

    private static JsonNode replaced(JsonNode document, String pointer, JsonNode value) {
        JsonNode copy = document.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
        return copy;
    }
}
