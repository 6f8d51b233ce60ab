package coop.plenum.api.security;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.Arrays;
import java.util.List;

/**
 * Which API routes anyone may call and which only the operator may: read by {@link SecurityConfiguration} to
 * guard them and by {@link DocumentedResponses} to describe them, so the description cannot drift from the rules.
 */
final class ApiRoutes {

    /** A link's holder may have no account yet (the token is the credential); resets and sign-ups are for people without a session. All throttled per client. */
    static final String[] PUBLIC_POSTS = {"/api/v1/invitations/*/acceptance", "/api/v1/password-resets",
            "/api/v1/password-resets/*", "/api/v1/signups"};
    static final String[] OPERATOR_POSTS = {"/api/v1/accounts", "/api/v1/cooperatives"};
    static final String[] OPERATOR_ANY = {"/api/v1/operations/**"};

    private static final List<PathPattern> PUBLIC = parse(PUBLIC_POSTS);
    private static final List<PathPattern> OPERATOR_ONLY_POSTS = parse(OPERATOR_POSTS);
    private static final List<PathPattern> OPERATOR_ONLY = parse(OPERATOR_ANY);

    private ApiRoutes() {
    }

    /** {@code path} is a route template such as {@code /api/v1/invitations/{invitationId}/acceptance}. */
    static boolean isPublic(HttpMethod method, String path) {
        return HttpMethod.POST.equals(method) && matches(PUBLIC, path);
    }

    static boolean isOperatorOnly(HttpMethod method, String path) {
        return matches(OPERATOR_ONLY, path) || HttpMethod.POST.equals(method) && matches(OPERATOR_ONLY_POSTS, path);
    }

    private static boolean matches(List<PathPattern> patterns, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return patterns.stream().anyMatch(p -> p.matches(container));
    }

    private static List<PathPattern> parse(String[] patterns) {
        return Arrays.stream(patterns).map(PathPatternParser.defaultInstance::parse).toList();
    }
}
