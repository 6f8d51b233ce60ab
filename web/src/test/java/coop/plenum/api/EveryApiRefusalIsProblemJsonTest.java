package coop.plenum.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.support.BootedPlenum;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, "Every 4xx is problem+json": refusals that happen before a controller is chosen (no such route, wrong
 * method, media types) and those the HTTP server itself gives (a malformed request target, oversized headers) carry
 * the same {@code application/problem+json} body with a stable {@code code} as every other API error.
 */
class EveryApiRefusalIsProblemJsonTest extends BootedPlenum {

    private JsonNode problem(HttpMethod method, String uri, int status, java.util.function.Consumer<org.springframework.http.HttpHeaders> headers) {
        return http.method(method).uri(uri).headers(h -> h.setBasicAuth("admin", OPERATOR_PASSWORD)).headers(headers)
                .exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        JsonNode problem = problem(HttpMethod.GET, "/api/v1/no-such-thing", 404, h -> { });
        assertThat(problem.get("code").asText()).isEqualTo("request.unknown-route");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
    }

    @Test
    void aPathVariableOrQueryParameterOfTheWrongTypeIsA400NamingIt() {
        JsonNode letters = problem(HttpMethod.GET, "/api/v1/cooperatives/some-coop/audit/receipts/abc", 400, h -> { });
        assertThat(letters.get("code").asText()).isEqualTo("request.parameter-invalid");
        assertThat(letters.get("field").asText()).isEqualTo("position");
        assertThat(letters.get("detail").asText()).contains("whole number");
        JsonNode huge = problem(HttpMethod.GET, "/api/v1/cooperatives/some-coop/audit/receipts/" + "9".repeat(1001), 400, h -> { });
        assertThat(huge.get("field").asText()).isEqualTo("position");
        JsonNode query = problem(HttpMethod.GET, "/api/v1/cooperatives/some-coop/audit/consistency?from=-1&to=zz", 400, h -> { });
        assertThat(query.get("field").asText()).isEqualTo("to");
    }

    @Test
    void aMethodTheRouteDoesNotAllowIsA405ProblemWithAllow() {
        http.delete().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth("admin", OPERATOR_PASSWORD))
                .exchange().expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Allow")
                .expectBody().jsonPath("$.code").isEqualTo("request.method-not-allowed");
    }

    @Test
    void aBodyInAnUnsupportedMediaTypeIsA415Problem() {
        long before = eventsInTheLog();
        asOperator(http.post().uri("/api/v1/accounts").contentType(MediaType.TEXT_PLAIN).bodyValue("username=x"))
                .exchange().expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("request.unsupported-media-type");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void anAnswerInNoAcceptableMediaTypeIsA406Problem() {
        JsonNode problem = problem(HttpMethod.GET, "/api/v1/accounts/me", 406, h -> h.setAccept(java.util.List.of(MediaType.valueOf("text/csv"))));
        assertThat(problem.get("code").asText()).isEqualTo("request.not-acceptable");
    }

    @Test
    void aMalformedPercentEncodingInThePathIsA400Problem() throws IOException {
        RawResponse response = raw("GET /api/v1/cooperatives/%zz HTTP/1.1\r\nHost: localhost\r\n" + basic() + "Connection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("request.malformed-uri");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
    }

    @Test
    void headersOverEightKilobytesAreA431Problem() throws IOException {
        RawResponse response = raw("GET /api/v1/accounts/me HTTP/1.1\r\nHost: localhost\r\n" + basic()
                + "X-Padding: " + "a".repeat(9 * 1024) + "\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(431);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(new ObjectMapper().readTree(response.body()).get("code").asText()).isEqualTo("request.headers-too-large");
    }

    @Test
    void headersJustUnderTheLimitAreServed() {
        http.get().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth("admin", OPERATOR_PASSWORD))
                .header("X-Padding", "a".repeat(7 * 1024))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aRequestLineOverTheLimitIsA414Problem() throws IOException {
        RawResponse response = raw("GET /api/v1/cooperatives/" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + basic() + "Connection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(414);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(new ObjectMapper().readTree(response.body()).get("code").asText()).isEqualTo("request.uri-too-long");
    }

    @Test
    void oddRequestTargetsAndCredentialsAreAnsweredWithoutA5xxAndEveryRefusalIsAProblem() throws IOException {
        RawResponse firewall = raw("GET /api/v1//accounts/me HTTP/1.1\r\nHost: localhost\r\n" + basic() + "Connection: close\r\n\r\n");
        assertThat(firewall.status()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(firewall.body()).get("code").asText()).isEqualTo("request.rejected");
        String[] targets = {"/api/v1/cooperatives/a%2Fb", "/api/v1//accounts/me", "/api/v1/accounts/me;jsessionid=x",
                "/api/v1/cooperatives/%00", "/api/v1/cooperatives/a%5Cb", "/api/v1/cooperatives/%25", "/api/v1/cooperatives/%2e%2e",
                "/api/v1/cooperatives/%C0%AF", "/api/v1/cooperatives/%E2%82", "/api/v1/accounts/me?x=%zz", "/api/v1/accounts/me?%",
                "/api/v1/accounts/me#frag", "/api/v1/cooperatives/\u00e9", "/api/v1/cooperatives/a b", "/api", "/api/",
                "http://localhost/api/v1/accounts/me", "*"};
        for (String target : targets) {
            answeredWithoutA5xx("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + basic() + "Connection: close\r\n\r\n", target);
        }
        String[] authorizations = {"Basic !!!", "Basic", "Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8)),
                "Basic " + Base64.getEncoder().encodeToString("admin\0:x".getBytes(StandardCharsets.UTF_8)), "Digest x", "Basic =",
                "Basic " + Base64.getEncoder().encodeToString(":".getBytes(StandardCharsets.UTF_8))};
        for (String authorization : authorizations) {
            answeredWithoutA5xx("GET /api/v1/accounts/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
                    + "\r\nConnection: close\r\n\r\n", authorization);
        }
        answeredWithoutA5xx("GET /api/v1/accounts/me HTTP/1.1\r\nHost: a b\r\n" + basic() + "Connection: close\r\n\r\n", "Host: a b");
        answeredWithoutA5xx("GET /api/v1/accounts/me HTTP/1.1\r\nHost: localhost\r\n" + basic() + "X-Odd: a\u0001b\r\nConnection: close\r\n\r\n", "control character in a header");
        answeredWithoutA5xx("BREW /api/v1/accounts/me HTTP/1.1\r\nHost: localhost\r\n" + basic() + "Connection: close\r\n\r\n", "unknown method");
        answeredWithoutA5xx("GET /api/v1/accounts/me HTTP/9.9\r\nHost: localhost\r\n" + basic() + "Connection: close\r\n\r\n", "unknown version");
        answeredWithoutA5xx("POST /api/v1/accounts HTTP/1.1\r\nHost: localhost\r\n" + basic()
                + "Content-Type: application/json\r\nContent-Length: abc\r\nConnection: close\r\n\r\n{}", "bad Content-Length");
    }

    @Test
    void oddMediaTypesAndBodiesAreAnsweredWithoutA5xxAndEveryRefusalIsAProblem() throws IOException {
        String account = "{\"username\":\"odd-media\",\"password\":\"long-enough-password\",\"displayName\":\"Odd\"}";
        String[][] cases = {
                {"application/json; charset=nonsense", account}, {"application/json; charset=UTF-16", account},
                {";;;", account}, {"application/", account}, {"application/json", "\u00ff\u00fe{"},
                {"application/json", ""}, {"application/json", "null"}, {"application/json", "[]"}, {"application/json", "\"x\""},
                {"application/json", "{\"username\":\"\\ud800\"}"}, {"application/json", "{\"username\":\"\\u0000\"}"},
                {"application/json", "{\"username\":{\"a\":1}}"}, {"application/json", "{\"username\":[\"a\"]}"},
                {"application/json", "{\"username\":null,\"password\":null,\"displayName\":null}"},
                {"application/json", "{"}, {"application/json", "{\"a\":1,}"}, {"application/json", "/* c */ {}"},
                {"application/json", "{'username':'x'}"}, {"application/json", "{username:\"x\"}"}, {"application/json", "NaN"}};
        for (String[] c : cases) {
            byte[] body = c[1].getBytes(StandardCharsets.ISO_8859_1);
            answeredWithoutA5xx("POST /api/v1/accounts HTTP/1.1\r\nHost: localhost\r\n" + basic() + "Content-Type: " + c[0]
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n" + c[1], c[0] + " " + c[1]);
        }
        for (String accept : new String[]{";;;", "*/*;q=abc", "application/json;q=0", "text/csv", "application/problem+json", "x/y, */*;q=0.1"}) {
            answeredWithoutA5xx("GET /api/v1/accounts/me HTTP/1.1\r\nHost: localhost\r\n" + basic() + "Accept: " + accept
                    + "\r\nConnection: close\r\n\r\n", "Accept: " + accept);
        }
    }

    private void answeredWithoutA5xx(String request, String what) throws IOException {
        RawResponse response = raw(request);
        assertThat(response.status()).as(what).isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.contentType()).as(what + " → " + response.status()).startsWith("application/problem+json");
            assertThat(new ObjectMapper().readTree(response.body()).get("code").asText()).as(what).isNotBlank();
        }
    }

    private static String basic() {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString(("admin:" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    record RawResponse(int status, Map<String, String> headers, String body) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /** Some requests cannot be sent with an HTTP client that validates what it sends: write the bytes ourselves. */
    private RawResponse raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("the server answered " + request.lines().findFirst().orElse("")).isPositive();
            String[] head = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
            }
            String body = text.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunked(body);
            }
            return new RawResponse(Integer.parseInt(head[0].split(" ")[1]), headers, body);
        }
    }

    private static String dechunked(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
