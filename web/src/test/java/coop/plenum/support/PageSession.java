package coop.plenum.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser session without a browser: signs in through the login form, keeps the session cookie, and sends page
 * forms with the CSRF token the pages carry. Much faster than Chromium for testing what pages answer.
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final WebTestClient http;
    private String session;
    private String csrf;

    private PageSession(WebTestClient http) {
        // two cores shared with other builds: a page may take longer than the client's default 5 s to answer
        this.http = http.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    /** Signs in as {@code username} (password {@code username-password}). */
    public static PageSession signIn(WebTestClient http, String username) {
        return signIn(http, username, username + "-password");
    }

    /** Signs in as {@code username} with its password (the operator's is not {@code username-password}). */
    public static PageSession signIn(WebTestClient http, String username, String password) {
        PageSession page = new PageSession(http);
        http = page.http;
        EntityExchangeResult<byte[]> login = http.get().uri("/login").exchange().expectStatus().isOk()
                .expectBody().returnResult();
        page.keepSession(login.getResponseCookies().getFirst("SESSION"));
        page.csrf = token(new String(login.getResponseBodyContent(), StandardCharsets.UTF_8));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", password);
        form.add("_csrf", page.csrf);
        EntityExchangeResult<byte[]> signedIn = http.post().uri("/login").cookie("SESSION", page.session)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                .exchange().expectStatus().isFound().expectBody().returnResult();
        if (!"/".equals(signedIn.getResponseHeaders().getFirst(HttpHeaders.LOCATION))) {
            throw new AssertionError("sign-in failed for " + username + ": " + signedIn.getResponseHeaders().getLocation());
        }
        page.keepSession(signedIn.getResponseCookies().getFirst("SESSION"));
        page.csrf = token(page.get("/").body());
        return page;
    }

    private void keepSession(ResponseCookie cookie) {
        if (cookie != null) {
            session = cookie.getValue();
        }
    }

    private static String token(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the page");
        }
        return m.group(1);
    }

    public Answer get(String path, Object... vars) {
        return answer(http.get().uri(path, vars).cookie("SESSION", session).accept(MediaType.TEXT_HTML).exchange());
    }

    /** Posts a page form (its CSRF token added) as a browser does: without following a redirect. */
    public Answer post(String path, Map<String, String> fields, Object... vars) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        form.add("_csrf", csrf);
        return answer(http.post().uri(path, vars).cookie("SESSION", session).accept(MediaType.TEXT_HTML)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form)).exchange());
    }

    /** A body exactly as given (its CSRF token sent as a header), for bodies no browser would send. */
    public Answer postRaw(String path, MediaType type, String body, Object... vars) {
        return answer(http.post().uri(path, vars).cookie("SESSION", session).header("X-CSRF-TOKEN", csrf)
                .accept(MediaType.TEXT_HTML).contentType(type).bodyValue(body).exchange());
    }

    /** A GET with the given Accept header. */
    public Answer get(MediaType accept, String path, Object... vars) {
        return answer(http.get().uri(path, vars).cookie("SESSION", session).accept(accept).exchange());
    }

    /** Any method, no body, with the CSRF token as a header. */
    public Answer send(org.springframework.http.HttpMethod method, String path, Object... vars) {
        return answer(http.method(method).uri(path, vars).cookie("SESSION", session).header("X-CSRF-TOKEN", csrf)
                .accept(MediaType.TEXT_HTML).exchange());
    }

    private static Answer answer(WebTestClient.ResponseSpec spec) {
        EntityExchangeResult<byte[]> result = spec.expectBody().returnResult();
        byte[] body = result.getResponseBodyContent();
        return new Answer(result.getStatus(), result.getResponseHeaders(),
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    /** What the server answered. */
    public record Answer(HttpStatusCode status, HttpHeaders headers, String body) {

        public int code() {
            return status.value();
        }

        public String location() {
            return headers.getFirst(HttpHeaders.LOCATION);
        }

        public boolean isHtml() {
            MediaType type = headers.getContentType();
            return type != null && type.isCompatibleWith(MediaType.TEXT_HTML);
        }

        @Override
        public String toString() {
            return code() + " " + headers.getContentType() + "\n" + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
        }
    }
}
