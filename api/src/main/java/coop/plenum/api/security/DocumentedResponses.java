package coop.plenum.api.security;

import coop.plenum.api.support.ChangesNothing;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Springdoc sees a handler's return type but not the statuses the API really answers: it listed a lone 200 for every
 * operation. This adds the errors an operation can meet, read from its route and parameters and from the rules of
 * {@link SecurityConfiguration}, each as problem+json with the {@code Problem} schema. The success status is the
 * handler's own {@code @ApiResponse} (201, 202, 204); springdoc then lists no default 200 for it.
 */
@Component
class DocumentedResponses implements OperationCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "bad input: the body, a parameter or a field is malformed or refused (problem+json naming the `field`)",
            "401", "not signed in, or the credentials or token are wrong or expired",
            "403", "signed in but not allowed: a role the route needs, a `read`-scoped token on a change, or a rule of the charter",
            "404", "no such resource here (an unknown id, or one of another cooperative)",
            "409", "the state forbids it now (e.g. voting already closed), or a concurrent change won; nothing was stored",
            "413", "the request body is larger than the API accepts",
            "429", "too many attempts from this client or for this account; retry after the Retry-After header's seconds");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Route route = Route.of(handler);
        if (route == null || !route.path().startsWith("/api/")) {
            return operation;
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        for (String status : route.errors(handler)) {
            ApiResponse response = responses.computeIfAbsent(status, s -> new ApiResponse());
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription(DESCRIPTIONS.get(status));
            }
        }
        // every error, including any an annotation declared, leaves as problem+json: never the success body's schema
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA))));
            }
        });
        // a stable order, success first, so the description reads and diffs well
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        operation.setResponses(sorted);
        return operation;
    }

    /** An operation's HTTP method and route template, e.g. POST /api/v1/cooperatives/{cooperativeId}/proposals. */
    record Route(HttpMethod method, String path) {

        static Route of(HandlerMethod handler) {
            RequestMapping onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
            if (onMethod == null || onMethod.method().length != 1) {
                return null;
            }
            RequestMapping onType = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
            String prefix = onType == null || onType.path().length == 0 ? "" : onType.path()[0];
            String suffix = onMethod.path().length == 0 ? "" : onMethod.path()[0];
            return new Route(HttpMethod.valueOf(onMethod.method()[0].name()), prefix + suffix);
        }

        /** The error statuses this operation can answer, in the order they are checked. */
        Set<String> errors(HandlerMethod handler) {
            boolean signedIn = !ApiRoutes.isPublic(method, path);
            boolean changes = !HttpMethod.GET.equals(method);
            boolean body = has(handler, RequestBody.class);
            boolean pathVariables = has(handler, PathVariable.class);
            boolean input = body || pathVariables || has(handler, RequestParam.class);
            Map<String, Boolean> applies = new LinkedHashMap<>();
            applies.put("400", input);
            applies.put("401", signedIn);
            // roles: the operator's routes, any cooperative's (CooperativeAccess); a read-scoped token may only GET
            applies.put("403", signedIn && (changes || ApiRoutes.isOperatorOnly(method, path) || path.contains("{cooperativeId}")));
            applies.put("404", pathVariables);
            applies.put("409", changes && !handler.hasMethodAnnotation(ChangesNothing.class));
            applies.put("413", body);
            // signed-in callers meet the login throttle; public routes are throttled per client
            applies.put("429", true);
            return applies.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        }

        private static boolean has(HandlerMethod handler, Class<? extends java.lang.annotation.Annotation> annotation) {
            return Arrays.stream(handler.getMethodParameters()).anyMatch((MethodParameter p) -> p.hasParameterAnnotation(annotation));
        }
    }
}
