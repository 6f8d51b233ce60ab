package coop.plenum.api;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /v3/api-docs describes every route of every API controller with the statuses it really answers: its success status,
 * and each error it can meet as problem+json with the Problem schema. The routes are read from the running app's
 * handler mapping, so a new controller method that the description gets wrong fails here.
 */
class ApiDescriptionTest extends BootedPlenum {

    private static final String PROBLEM = "#/components/schemas/Problem";
    /** SecurityConfiguration's routes anyone may POST to, as route templates. */
    private static final Set<String> PUBLIC_POSTS = Set.of("/api/v1/invitations/{invitationId}/acceptance",
            "/api/v1/password-resets", "/api/v1/password-resets/{accountId}", "/api/v1/signups");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    record Route(String method, String path, HandlerMethod handler) {
        boolean has(Class<? extends Annotation> annotation) {
            return Arrays.stream(handler.getMethodParameters()).anyMatch((MethodParameter p) -> p.hasParameterAnnotation(annotation));
        }
    }

    private List<Route> apiRoutes() {
        List<Route> routes = new ArrayList<>();
        handlers.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            if (!AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), RestController.class)) {
                return;
            }
            for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (pattern.getPatternString().startsWith("/api/")) {
                        routes.add(new Route(method.name(), pattern.getPatternString(), handler));
                    }
                }
            }
        });
        return routes;
    }

    private JsonNode description() {
        return http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The error statuses a route can meet, derived from its handler and the security rules, not from the description. */
    private static Set<String> errorsOf(Route route) {
        boolean signedIn = !(route.method().equals("POST") && PUBLIC_POSTS.contains(route.path()));
        boolean changes = !route.method().equals("GET");
        boolean body = route.has(RequestBody.class);
        boolean pathVariables = route.has(PathVariable.class);
        boolean operatorOnly = route.path().startsWith("/api/v1/operations/")
                || route.method().equals("POST") && Set.of("/api/v1/accounts", "/api/v1/cooperatives").contains(route.path());
        Set<String> errors = new TreeSet<>();
        if (body || pathVariables || route.has(RequestParam.class)) {
            errors.add("400");
        }
        if (signedIn) {
            errors.add("401");
        }
        if (signedIn && (changes || operatorOnly || route.path().contains("{cooperativeId}"))) {
            errors.add("403");
        }
        if (pathVariables) {
            errors.add("404");
        }
        if (changes && !route.path().endsWith("/what-if")) {
            errors.add("409");
        }
        if (body) {
            errors.add("413");
        }
        errors.add("429");
        return errors;
    }

    @Test
    void everyApiRouteIsDescribedWithItsSuccessAndEveryErrorItCanMeetAsProblemJson() {
        JsonNode paths = description().path("paths");
        List<Route> routes = apiRoutes();
        assertThat(routes).as("the API's controller routes").hasSizeGreaterThan(60);
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            String name = route.method() + " " + route.path();
            JsonNode operation = paths.path(route.path()).path(route.method().toLowerCase());
            if (operation.isMissingNode()) {
                wrong.add(name + ": not described");
                continue;
            }
            Set<String> statuses = new TreeSet<>();
            operation.path("responses").fieldNames().forEachRemaining(statuses::add);
            if (statuses.stream().noneMatch(s -> s.startsWith("2"))) {
                wrong.add(name + ": no success status in " + statuses);
            }
            Set<String> missing = new TreeSet<>(errorsOf(route));
            missing.removeAll(statuses);
            if (!missing.isEmpty()) {
                wrong.add(name + ": lacks " + missing + " (has " + statuses + ")");
            }
            operation.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("2") && response.getValue().path("content").has("*/*")) {
                    wrong.add(name + ": " + response.getKey() + " names no media type");
                }
                if (response.getKey().startsWith("4")) {
                    String ref = response.getValue().path("content").path("application/problem+json").path("schema").path("$ref").asText();
                    if (!PROBLEM.equals(ref) || response.getValue().path("content").size() != 1) {
                        wrong.add(name + ": " + response.getKey() + " is not only problem+json with the Problem schema");
                    }
                }
            });
        }
        assertThat(wrong).as("routes the description gets wrong").isEmpty();
    }

    @Test
    void theProblemSchemaNamesTheFieldsEveryErrorCarries() {
        JsonNode problem = description().path("components").path("schemas").path("Problem");
        assertThat(problem.path("properties").fieldNames()).toIterable()
                .contains("type", "title", "status", "detail", "code", "field");
        assertThat(problem.path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("type", "title", "status", "code");
    }

    @Test
    void foundingACooperativeIsDescribedAndAnsweredAs201NotAs200() {
        JsonNode found = description().path("paths").path("/api/v1/cooperatives").path("post").path("responses");
        assertThat(found.has("201")).isTrue();
        assertThat(found.has("200")).as("springdoc's default 200 is gone").isFalse();
        assertThat(found.path("201").path("content").toString()).contains("CooperativeFoundedResponse");

        String founder = createAccount(unique("doc"), "Doc Umented");
        asOperator(http.post().uri("/api/v1/cooperatives").contentType(MediaType.APPLICATION_JSON).bodyValue(riverside(founder)))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void boardSeatsAreDescribedOnTheCharterAndOnAnElectionWhichTakesTheChartersWithoutItsOwn() {
        JsonNode schemas = description().path("components").path("schemas");
        assertThat(schemas.path("CharterJson").path("properties").path("seats").path("description").asText())
                .contains("1 to 50").contains("ELECTION");
        assertThat(schemas.path("SubmitProposalRequest").path("properties").path("seats").path("description").asText())
                .contains("charter's seats in force at submission");
    }

    @Test
    void everyFieldOfAnElectionRoundIsDescribed() {
        JsonNode round = description().path("components").path("schemas").path("RoundJson").path("properties");
        List<String> fields = new ArrayList<>();
        round.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("number", "action", "candidates", "quota", "quotaExact", "votes",
                "keepValues", "transfers", "exhausted", "exhaustedTransfer", "surplus", "iterations");
        for (String field : fields) {
            assertThat(round.path(field).path("description").asText()).as(field).isNotBlank();
        }
        assertThat(round.path("keepValues").path("description").asText()).contains("keep", "10^-9", "0 once excluded");
        assertThat(round.path("transfers").path("description").asText()).contains("since the previous round", "exhaustedTransfer");
        assertThat(round.path("action").path("enum")).extracting(JsonNode::asText)
                .containsExactly("ELECTED", "EXCLUDED", "ELECTED_REMAINING");
    }

    @Test
    void aBallotIsDescribedAs200WithItsReceiptAndARetractionOrADelegationAs204() {
        JsonNode paths = description().path("paths");
        JsonNode ballot = paths.path("/api/v1/cooperatives/{cooperativeId}/proposals/{proposalId}/ballots/{memberId}");
        assertThat(ballot.path("put").path("responses").path("200").path("content").toString()).contains("BallotReceiptJson");
        assertThat(ballot.path("put").path("requestBody").toString()).contains("BallotRequest");
        assertThat(ballot.path("put").path("responses").has("204")).isFalse();
        assertThat(ballot.path("delete").path("responses").has("204")).isTrue();
        assertThat(ballot.path("delete").path("responses").has("200")).isFalse();
        JsonNode delegation = paths.path("/api/v1/cooperatives/{cooperativeId}/members/{memberId}/delegations/{scope}").path("put");
        assertThat(delegation.path("responses").has("204")).isTrue();
        assertThat(delegation.path("responses").has("200")).isFalse();
    }

    @Test
    void aMembersBudgetPaymentsAreDescribedWithTheirPaymentsAnd404And409Refusals() {
        JsonNode paths = description().path("paths");
        for (String route : List.of("/api/v1/cooperatives/{cooperativeId}/proposals/{proposalId}/budget/payments/{memberId}",
                "/api/v1/cooperatives/{cooperativeId}/proposals/{proposalId}/budget/payments/me")) {
            JsonNode get = paths.path(route).path("get");
            assertThat(get.path("responses").path("200").path("content").toString()).as(route).contains("BudgetPaymentsJson");
            assertThat(get.path("responses").has("404")).as(route).isTrue();
            assertThat(get.path("responses").has("409")).as(route).isTrue();
            assertThat(get.path("summary").asText()).as(route).contains("BUDGET");
        }
        assertThat(paths.path("/api/v1/cooperatives/{cooperativeId}/proposals/{proposalId}/budget/payments/{memberId}")
                .path("get").path("summary").asText()).contains("budget.payments-secret", "budget.payments-not-decided");
    }

    @Test
    void anUnknownCooperativeIsDescribedAndAnsweredAs404ProblemJsonWithEveryRequiredField() {
        JsonNode description = description();
        JsonNode documented = description.path("paths").path("/api/v1/cooperatives/{cooperativeId}").path("get").path("responses").path("404");
        assertThat(documented.path("content").has("application/problem+json")).isTrue();

        JsonNode answer = asOperator(http.get().uri("/api/v1/cooperatives/{id}", "no-such-cooperative")).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode required : description.path("components").path("schemas").path("Problem").path("required")) {
            assertThat(answer.has(required.asText())).as("the 404 carries " + required.asText()).isTrue();
        }
        assertThat(answer.path("status").isInt()).isTrue();
        assertThat(answer.path("status").asInt()).isEqualTo(404);
        assertThat(answer.path("type").asText()).startsWith("urn:plenum:problem:");
    }
}
