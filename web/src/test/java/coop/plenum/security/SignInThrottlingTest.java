package coop.plenum.security;

import coop.plenum.support.BootedPlenum;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: 200 wrong passwords were answered in 19 s and then the right one worked. Each test speaks from its own
 * loopback address (127.0.0.x), so the per-client limit of one test never touches another.
 */
class SignInThrottlingTest extends BootedPlenum {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(40);

    /** A client whose connections come from a loopback address of its own. */
    private WebTestClient fromItsOwnAddress() {
        String address = "127.0.0." + NEXT_ADDRESS.getAndIncrement();
        // a connection per request, of its own: the client's source address is the point of these tests, and a pooled
        // keep-alive connection left over from an earlier context of the suite must not carry a request
        HttpClient client = HttpClient.create(ConnectionProvider.newConnection()).bindAddress(() -> new InetSocketAddress(address, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(client))
                .baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static int me(WebTestClient client, String username, String password) {
        return client.get().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth(username, password))
                .exchange().expectBody().returnResult().getStatus().value();
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneWaitsAndTwoHundredGuessesAreMostlyRefusedUnchecked() {
        String username = unique("guessed");
        createAccount(username, "Guessed At");
        WebTestClient attacker = fromItsOwnAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(me(attacker, username, "guess-" + i)).as("free attempt %d", i + 1).isEqualTo(401);
        }
        attacker.get().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth(username, username + "-password"))
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody().jsonPath("$.code").isEqualTo("auth.throttled").jsonPath("$.status").isEqualTo(429);

        long start = System.nanoTime();
        int answered = 0;
        for (int i = 5; i < 200; i++) {
            if (me(attacker, username, "guess-" + i) == 401) {
                answered++;
            }
        }
        // each answered guess doubles the wait (1 s, 2 s, 4 s …): in t seconds at most log2(t + 1) + 1 more get through
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("SignInThrottlingTest: after 5 x 401 and the right password refused, 195 more guesses took %.2f s; "
                + "%d were checked (401), %d refused unchecked (429)%n", seconds, answered, 195 - answered);
        assertThat(answered).isLessThanOrEqualTo((int) (Math.log(seconds + 1) / Math.log(2)) + 1);
    }

    @Test
    void afterTheWaitTheRightPasswordSignsInAndStartsTheAccountAfresh() throws Exception {
        String username = unique("patient");
        createAccount(username, "Patient Owner");
        WebTestClient client = fromItsOwnAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(me(client, username, "typo-" + i)).isEqualTo(401);
        }
        String retryAfter = client.get().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth(username, "typo"))
                .exchange().expectStatus().isEqualTo(429).expectBody().returnResult().getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        assertThat(retryAfter).isEqualTo("1");

        Thread.sleep(Duration.ofSeconds(Long.parseLong(retryAfter)).toMillis() + 50);
        assertThat(me(client, username, username + "-password")).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(me(client, username, "typo-again-" + i)).as("free attempts after a success").isEqualTo(401);
        }
    }

    @Test
    void theWaitGrowsWithEveryFailureBeyondTheFreeAttempts() throws Exception {
        String username = unique("growing");
        createAccount(username, "Growing Wait");
        WebTestClient client = fromItsOwnAddress();
        for (int i = 0; i < 5; i++) {
            me(client, username, "guess-" + i);
        }
        long first = retryAfter(client, username);
        Thread.sleep(first * 1000 + 50);
        assertThat(me(client, username, "another-guess")).isEqualTo(401);
        assertThat(retryAfter(client, username)).isEqualTo(2 * first);
    }

    private static long retryAfter(WebTestClient client, String username) {
        return Long.parseLong(client.get().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth(username, "x"))
                .exchange().expectStatus().isEqualTo(429)
                .expectBody().returnResult().getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    }

    @Test
    void aClientSprayingUsernamesIsThrottledAfterTwentyFailures() {
        WebTestClient sprayer = fromItsOwnAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(me(sprayer, unique("nobody"), "password-" + i)).isEqualTo(401);
        }
        assertThat(me(sprayer, unique("nobody"), "one-more")).isEqualTo(429);
    }

    @Test
    void successfulSignInsAreNeverThrottled() {
        String username = unique("busy");
        createAccount(username, "Busy Script");
        WebTestClient client = fromItsOwnAddress();
        for (int i = 0; i < 60; i++) {
            assertThat(me(client, username, username + "-password")).isEqualTo(200);
        }
    }

    @Test
    void aThrottledFormSignInShowsTheLoginPageAgainWith429AndTheWait() {
        String username = unique("former");
        createAccount(username, "Form User");
        WebTestClient browser = fromItsOwnAddress();
        EntityExchangeResult<String> page = browser.get().uri("/login").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult();
        ResponseCookie session = page.getResponseCookies().getFirst("SESSION");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getResponseBody());
        assertThat(csrf.find()).isTrue();

        for (int i = 0; i < 5; i++) {
            browser.post().uri("/login").cookie("SESSION", session.getValue())
                    .body(BodyInserters.fromFormData("username", username).with("password", "wrong-" + i).with("_csrf", csrf.group(1)))
                    .exchange().expectStatus().isFound().expectHeader().location("/login?error");
        }
        browser.post().uri("/login").cookie("SESSION", session.getValue())
                .body(BodyInserters.fromFormData("username", username).with("password", username + "-password").with("_csrf", csrf.group(1)))
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("Too many failed sign-ins. Try again in one second.", "id=\"username\""));
    }

    @Test
    void aForgedXForwardedForDoesNotEscapeTheClientLimitWithoutAProxySetting() {
        WebTestClient sprayer = fromItsOwnAddress();
        for (int i = 0; i < 20; i++) {
            int n = i;
            assertThat(sprayer.get().uri("/api/v1/accounts/me").header("X-Forwarded-For", "203.0.113." + n)
                    .headers(h -> h.setBasicAuth(unique("nobody"), "password-" + n))
                    .exchange().expectBody().returnResult().getStatus().value()).isEqualTo(401);
        }
        sprayer.get().uri("/api/v1/accounts/me").header("X-Forwarded-For", "203.0.113.99")
                .headers(h -> h.setBasicAuth(unique("nobody"), "one-more"))
                .exchange().expectStatus().isEqualTo(429);
    }

    private static java.util.List<Integer> inParallel(int requests, java.util.function.IntSupplier request) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(request::getAsInt));
            }
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyParallelSignInsOfOneAccountFromOneClientAreNeverThrottled() throws Exception {
        String username = unique("parallel");
        createAccount(username, "Parallel Script");
        WebTestClient client = fromItsOwnAddress().mutate().responseTimeout(Duration.ofSeconds(60)).build();
        assertThat(inParallel(64, () -> me(client, username, username + "-password"))).containsOnly(200);
    }

    @Test
    void aBurstOfParallelGuessesIsMostlyRefusedWithoutAPasswordCheck() throws Exception {
        String username = unique("burst");
        createAccount(username, "Burst Target");
        WebTestClient attacker = fromItsOwnAddress().mutate().responseTimeout(Duration.ofSeconds(60)).build();
        java.util.List<Integer> statuses = inParallel(200, () -> me(attacker, username, "guess"));
        long checked = statuses.stream().filter(s -> s == 401).count();
        // guesses are admitted on the bcrypt workers, right before the check: at most one pool's worth runs before
        // the first failures are counted, and from then on guesses still in flight count as failures
        assertThat(checked).isLessThanOrEqualTo(reactor.core.scheduler.Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE + 5L);
        assertThat(statuses).containsOnly(401, 429);
        System.out.printf("SignInThrottlingTest: 200 parallel guesses (32 at a time): %d checked (401), %d refused unchecked (429)%n",
                checked, statuses.size() - checked);
    }
}
