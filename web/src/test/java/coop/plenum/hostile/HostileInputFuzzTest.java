package coop.plenum.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write endpoint the API describes in {@code /v3/api-docs}, sent hostile bodies and hostile path ids by the
 * caller allowed to use it: no answer is a 5xx, every 4xx is problem+json with a stable code, a refused request
 * stores nothing, and afterwards no read model or policy has parked an event it could not read. The number of
 * requests is {@code -Dplenum.fuzz.requests} (default 1,500; benchmarks/reliability runs 10,000); the status
 * histogram goes to {@code target/hostile-input-report.md}.
 */
class HostileInputFuzzTest extends BootedPlenum {

    private static final long SEED = Long.getLong("plenum.fuzz.seed", 20261130L);
    private static final int REQUESTS = Integer.getInteger("plenum.fuzz.requests", 1500);
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final List<String> HOSTILE_IDS = List.of("\u0000", "a\u0000b", "..", "x".repeat(300), "\u202e",
            "null", "-1", "1E+1000", "' or 1=1 --", " ", "%", "\u00fc\u00df", "\uD83D\uDE00", "_global", "{}", "a/b");

    private final Random random = new Random(SEED);
    private final HostileBodies bodies = new HostileBodies(random);

    record Operation(HttpMethod method, String template, JsonNode requestSchema, boolean operatorOnly) {
        boolean hasBody() {
            return requestSchema != null;
        }
    }

    record Outcome(String request, int status, String contentType, String code, long eventsStored) {
    }

    @Test
    void noHostileRequestGetsA5xxEveryRefusalIsProblemJsonAndStoresNothing() throws Exception {
        JsonNode description = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<Operation> operations = writeOperations(description);
        assertThat(operations).hasSizeGreaterThan(20);
        Map<String, String> ids = world();
        JsonNode components = description.path("components");

        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Operation operation = operations.get(i % operations.size());
            outcomes.add(send(operation, ids, components));
        }

        List<Outcome> broken = outcomes.stream().filter(o -> o.status() >= 500
                || (o.status() >= 400 && (!MediaType.APPLICATION_PROBLEM_JSON_VALUE.equals(o.contentType()) || o.code() == null))
                || (o.status() >= 300 && o.eventsStored() > 0)).toList();
        writeReport(outcomes, broken);
        assertThat(broken).as("requests answered with a 5xx, a 4xx that is not problem+json, or a refusal that stored events")
                .isEmpty();
        asOperator(http.get().uri("/api/v1/operations/dead-letters")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.parked").isEmpty();
    }

    private Outcome send(Operation operation, Map<String, String> ids, JsonNode components) {
        boolean hostilePath = !operation.hasBody() || random.nextInt(5) == 0;
        String path = path(operation.template(), ids, hostilePath);
        String body = !operation.hasBody() ? null
                : hostilePath ? HostileBodies.plausible(operation.requestSchema(), components, 0).toString()
                : bodies.next(operation.requestSchema(), components);
        MediaType type = random.nextInt(25) == 0 ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON;
        String correlation = UUID.randomUUID().toString();
        Long head = jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class);

        var request = http.method(operation.method()).uri(java.net.URI.create(path))
                .headers(h -> {
                    h.set("X-Correlation-Id", correlation);
                    if (operation.operatorOnly()) {
                        h.setBasicAuth("admin", OPERATOR_PASSWORD);
                    } else {
                        h.setBasicAuth(ids.get("username"), ids.get("username") + "-password");
                    }
                });
        EntityExchangeResult<byte[]> result = (body == null ? request : request.contentType(type).bodyValue(body))
                .exchange().expectBody().returnResult();
        // a refusal must store nothing; policies and sagas act on accepted commands only, so none of the request's
        // correlation may appear in the log
        Long stored = jdbc.queryForObject("select count(*) from domainevententry where globalindex > ? "
                + "and position(? in convert_from(metadata, 'UTF8')) > 0", Long.class, head, correlation);
        String code = null;
        byte[] raw = result.getResponseBodyContent();
        MediaType contentType = result.getResponseHeaders().getContentType();
        if (raw != null && contentType != null && contentType.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
            try {
                JsonNode problem = HostileBodies.mapper().readTree(raw);
                code = problem.hasNonNull("code") ? problem.get("code").asText() : null;
            } catch (java.io.IOException e) {
                code = null;
            }
        }
        String described = operation.method() + " " + abbreviate(path) + (body == null ? "" : " " + type + " " + abbreviate(body));
        return new Outcome(described, result.getStatus().value(),
                contentType == null ? null : contentType.getType() + "/" + contentType.getSubtype(), code,
                stored == null ? 0 : stored);
    }

    private String path(String template, Map<String, String> ids, boolean hostile) {
        Matcher variables = PATH_VARIABLE.matcher(template);
        List<String> names = new ArrayList<>();
        while (variables.find()) {
            names.add(variables.group(1));
        }
        String hostileName = hostile && !names.isEmpty() ? names.get(random.nextInt(names.size())) : null;
        StringBuilder out = new StringBuilder();
        variables.reset();
        while (variables.find()) {
            String name = variables.group(1);
            String value = name.equals(hostileName) ? HOSTILE_IDS.get(random.nextInt(HOSTILE_IDS.size()))
                    : ids.getOrDefault(name, "unknown-" + name);
            variables.appendReplacement(out, Matcher.quoteReplacement(UriUtils.encodePathSegment(value, StandardCharsets.UTF_8)));
        }
        variables.appendTail(out);
        return out.toString();
    }

    private static List<Operation> writeOperations(JsonNode description) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = description.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().equals("/api/v1/operations/read-model-rebuild")) {
                continue; // replays the whole log: covered by its own test, too slow to repeat here
            }
            for (String method : List.of("post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
                boolean operatorOnly = path.getKey().startsWith("/api/v1/operations")
                        || (method.equals("post") && (path.getKey().equals("/api/v1/accounts") || path.getKey().equals("/api/v1/cooperatives")));
                operations.add(new Operation(HttpMethod.valueOf(method.toUpperCase()), path.getKey(),
                        schema.isMissingNode() ? null : schema, operatorOnly));
            }
        }
        return operations;
    }

    /** A cooperative with an open vote and a pending contribution; the caller is its secretary, also a member. */
    private Map<String, String> world() {
        String username = unique("fuzz");
        String accountId = createAccount(username, "Fuzz Secretary");
        String peer = unique("peer");
        String peerId = createAccount(peer, "Fuzz Peer");
        String coop = foundCooperative("""
                {"name": "Fuzz Commons",
                 "charter": {"classes": [{"id": "workers", "name": "Workers", "weight": 100, "quorum": 10}],
                             "topics": ["energy"], "ledger": {"rates": {"WORK_HOURS": 1}, "requiredEvaluations": 1}},
                 "founders": [{"accountId": "%s", "classId": "workers"}, {"accountId": "%s", "classId": "workers"}],
                 "secretaryAccountId": "%s"}""".formatted(accountId, peerId, accountId));
        Cooperators people = new Cooperators(http);
        String memberId = people.memberIdOf(username, coop, accountId);
        String proposal = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(Cooperators.as(username))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Fuzzed\",\"body\":\"A vote to aim at.\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, proposal).headers(Cooperators.as(username))
                .exchange().expectStatus().isNoContent();
        String contribution = http.post().uri("/api/v1/cooperatives/{c}/contributions", coop).headers(Cooperators.as(peer))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"project\":\"grid\",\"type\":\"WORK_HOURS\",\"quantity\":\"3\",\"description\":\"Wiring\",\"occurredOn\":\"2026-01-05\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("contributionId").asText();
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("username", username);
        ids.put("cooperativeId", coop);
        ids.put("memberId", memberId);
        ids.put("accountId", accountId);
        ids.put("proposalId", proposal);
        ids.put("contributionId", contribution);
        ids.put("scope", "_global");
        ids.put("processor", "readmodel-proposals");
        return ids;
    }

    private static String abbreviate(String text) {
        String visible = text.replace("\u0000", "\\0");
        return visible.length() <= 160 ? visible : visible.substring(0, 160) + "…(" + visible.length() + " chars)";
    }

    private static void writeReport(List<Outcome> outcomes, List<Outcome> broken) throws java.io.IOException {
        Map<Integer, Long> histogram = new TreeMap<>();
        Map<String, Long> codes = new TreeMap<>();
        for (Outcome o : outcomes) {
            histogram.merge(o.status(), 1L, Long::sum);
            if (o.code() != null) {
                codes.merge(o.code(), 1L, Long::sum);
            }
        }
        StringBuilder report = new StringBuilder("# Hostile input: " + outcomes.size() + " requests, seed " + SEED + "\n\n")
                .append("| status | requests |\n|---|---|\n");
        histogram.forEach((status, n) -> report.append("| ").append(status).append(" | ").append(n).append(" |\n"));
        report.append("\n| problem code | requests |\n|---|---|\n");
        codes.forEach((code, n) -> report.append("| ").append(code).append(" | ").append(n).append(" |\n"));
        report.append("\nBroken answers: ").append(broken.size()).append('\n');
        broken.stream().limit(200).forEach(o -> report.append("- ").append(o).append('\n'));
        Path file = Path.of("target", "hostile-input-report.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println(report);
    }
}
