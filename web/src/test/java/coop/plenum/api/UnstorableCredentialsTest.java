package coop.plenum.api;

import coop.plenum.support.BootedPlenum;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: a username no account can have (NUL or other control characters, which PostgreSQL cannot even compare)
 * is simply unknown, so signing in with it fails like any wrong password instead of with a 500.
 */
class UnstorableCredentialsTest extends BootedPlenum {

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNulInABasicUsernameIsA401Problem() {
        for (String username : new String[]{"admin\0", "\0", "ad\u0001min", "admin\u007f", "x".repeat(5000)}) {
            http.get().uri("/api/v1/accounts/me").header(HttpHeaders.AUTHORIZATION, basic(username, OPERATOR_PASSWORD))
                    .exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("auth.unauthenticated");
        }
    }

    @Test
    void aNulInAFormLoginUsernameIsAFailedSignInNotAnError() {
        var login = http.get().uri("/login").exchange().expectStatus().isOk().returnResult(String.class);
        String page = String.join("", login.getResponseBody().collectList().block());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        ResponseCookie session = login.getResponseCookies().getFirst("SESSION");

        var form = BodyInserters.fromFormData("username", "admin\0").with("password", OPERATOR_PASSWORD).with("_csrf", csrf.group(1));
        http.post().uri("/login").cookie(session.getName(), session.getValue()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).exchange().expectStatus().is3xxRedirection()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, ".*/login\\?error.*");
    }
}
