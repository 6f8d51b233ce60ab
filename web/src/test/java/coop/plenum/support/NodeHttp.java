package coop.plenum.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * JSON over HTTP to nodes named by their base URL, as the multi-node tests talk to several nodes at once (a
 * {@code WebTestClient} is bound to one). Each request times out after 30 s, so a stalled node fails the test.
 */
public final class NodeHttp {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public HttpResponse<String> post(String node, String path, String authorization, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(node + path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String node, String path, String authorization, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(node + path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> get(String node, String path, String authorization) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(node + path)).header("Authorization", authorization).GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
