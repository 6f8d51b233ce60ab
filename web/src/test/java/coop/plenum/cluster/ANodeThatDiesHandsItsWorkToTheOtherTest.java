package coop.plenum.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.governance.storage.StoresCommand;
import coop.plenum.support.NodeHttp;
import coop.plenum.support.PlenumContexts;
import coop.plenum.support.PlenumNode;
import coop.plenum.support.SharedStoreArguments;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: "segments … rebalanced when a node leaves". Node A (a child JVM, started first, so it also runs the
 * policies and sagas) and node B (in this JVM) share the stores; A is killed with SIGKILL in the middle of a vote. What
 * A acknowledged is counted, B takes over every processor's whole event stream once A's claims lapse, B's commands
 * are answered with their read models caught up again, and a vote scheduled to close after A died closes on B.
 */
class ANodeThatDiesHandsItsWorkToTheOtherTest {

    private static final String ADMIN = "node-dies-admin";
    private static final int MEMBERS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A claim lapses 10 s after its node stops extending it (docs/storage.md); the rest is slack for a loaded machine. */
    private static final Duration TAKE_OVER = Duration.ofSeconds(60);

    private final NodeHttp http = new NodeHttp();

    @Test
    void whenANodeIsKilledTheOtherTakesOverEveryProcessorAndNothingItAcknowledgedIsLost() throws Exception {
        Path stores = Files.createTempDirectory("plenum-dies-stores-");
        try (StoresCommand.Running running = StoresCommand.start(List.of("--data-dir", stores.toString()))) {
            List<String> shared = new ArrayList<>(running.settings().stream().map(SharedStoreArguments::of).toList());
            shared.addAll(List.of("--plenum.security.bcrypt-strength=4", "--plenum.cluster.rebalance-interval=1s"));
            Path dirA = Files.createTempDirectory("plenum-dies-node-a-");
            try (PlenumNode a = PlenumNode.start(dirA, ADMIN, dirA.resolve("node.log"), shared.toArray(String[]::new))) {
                ConfigurableApplicationContext b = PlenumContexts.start(Files.createTempDirectory("plenum-dies-node-b-"), ADMIN,
                        shared.toArray(String[]::new));
                try {
                    run(a, b);
                } finally {
                    b.close();
                }
            }
        }
    }

    private void run(PlenumNode a, ConfigurableApplicationContext b) throws Exception {
        String nodeA = a.uri("").toString(), nodeB = "http://127.0.0.1:" + ((WebServerApplicationContext) b).getWebServer().getPort();
        awaitThat(() -> share(b, "readmodel-proposals").compareTo(BigDecimal.ONE) < 0 && share(b, "readmodel-proposals").signum() > 0,
                "node B runs some but not all of the proposals' read model while A lives");

        String[] users = new String[MEMBERS];
        String[] accounts = new String[MEMBERS];
        StringBuilder founders = new StringBuilder();
        for (int i = 0; i < MEMBERS; i++) {
            users[i] = "voter" + i;
            String account = json(expect(post(i % 2 == 0 ? nodeA : nodeB, "/api/v1/accounts", "admin", ADMIN,
                    "{\"username\":\"%s\",\"password\":\"%s-password\",\"displayName\":\"Voter %d\"}".formatted(users[i], users[i], i)), 201))
                    .get("accountId").asText();
            accounts[i] = account;
            founders.append(i == 0 ? "" : ",").append("{\"accountId\":\"%s\",\"classId\":\"members\"}".formatted(account));
        }
        String coop = json(expect(post(nodeA, "/api/v1/cooperatives", "admin", ADMIN, """
                {"name": "A node dies", "charter": {"classes": [{"id": "members", "name": "Members", "weight": 100, "quorum": 0}],
                 "topics": ["energy"]}, "founders": [%s], "secretaryAccountId": "%s"}""".formatted(founders, accounts[0])), 201))
                .get("cooperativeId").asText();
        Map<String, String> members = new TreeMap<>();
        for (JsonNode m : json(expect(get(nodeA, "/api/v1/cooperatives/" + coop + "/members", users[0]), 200))) {
            for (int i = 0; i < MEMBERS; i++) {
                if (m.get("accountId").asText().equals(accounts[i])) {
                    members.put("Voter " + i, m.get("memberId").asText());
                }
            }
        }
        assertThat(members).as("every founder listed on node A right after founding").hasSize(MEMBERS);

        String voted = proposal(nodeA, coop, users[0], "");
        acknowledged(post(nodeA, "/api/v1/cooperatives/%s/proposals/%s/opening".formatted(coop, voted), users[0], users[0] + "-password", ""), 204);
        // the schedule runs on whichever node's scheduler is alive when it is due: here only B's will be
        Instant closesAt = Instant.now().plusSeconds(45);
        String scheduled = proposal(nodeA, coop, users[0],
                ",\"votingOpensAt\":\"%s\",\"votingClosesAt\":\"%s\"".formatted(Instant.now().plusSeconds(2), closesAt));
        for (int i = 0; i < 3; i++) {
            acknowledged(ballot(nodeA, coop, voted, members.get("Voter " + i), users[i], "YES"), 200);
        }

        a.killHard();
        long killedAt = System.nanoTime();

        // while A's claims have not lapsed, B still answers every ballot (it may wait out its bounded read-your-writes)
        for (int i = 3; i < MEMBERS; i++) {
            expect(ballot(nodeB, coop, voted, members.get("Voter " + i), users[i], "NO"), 200);
        }
        for (EventProcessor processor : b.getBean(EventProcessingConfiguration.class).eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor) {
                awaitThat(() -> share(b, processor.getName()).compareTo(BigDecimal.ONE) == 0,
                        "node B runs the whole event stream of " + processor.getName() + " after A died");
            }
        }
        System.out.printf("Node B ran every processor's whole stream %d ms after node A was killed%n",
                Duration.ofNanos(System.nanoTime() - killedAt).toMillis());

        // B's commands are answered with their read models caught up again, on a vote A had cached and counted in
        acknowledged(ballot(nodeB, coop, voted, members.get("Voter 5"), users[5], "YES"), 200);
        for (int i = 0; i < MEMBERS; i++) {
            HttpResponse<String> cast = ballot(nodeB, coop, scheduled, members.get("Voter " + i), users[i], i < 4 ? "YES" : "NO");
            while (cast.statusCode() == 409 && cast.body().contains("ballot.voting-not-open") && Instant.now().isBefore(closesAt)) {
                Thread.sleep(200); // opened by whichever scheduler ran it; not yet seen
                cast = ballot(nodeB, coop, scheduled, members.get("Voter " + i), users[i], i < 4 ? "YES" : "NO");
            }
            acknowledged(cast, 200);
        }
        HttpResponse<String> closed = post(nodeB, "/api/v1/cooperatives/%s/proposals/%s/closing".formatted(coop, voted), users[0],
                users[0] + "-password", "");
        acknowledged(closed, 204);

        JsonNode tally = json(expect(send(HttpRequest.newBuilder(URI.create(nodeB + "/api/v1/cooperatives/%s/proposals/%s/tally"
                .formatted(coop, voted))).header("Authorization", basic(users[1])).header("X-Plenum-Position",
                closed.headers().firstValue("X-Plenum-Position").orElseThrow()).GET()), 200));
        assertThat(tally.get("state").asText()).isEqualTo("CLOSED");
        assertThat(counts(tally)).as("yes/no: the three ballots A acknowledged before it died, then B's (voter 5 recast YES)")
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal(4), new BigDecimal(2));

        long closeBy = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode timed;
        do {
            Thread.sleep(200);
            timed = json(expect(get(nodeB, "/api/v1/cooperatives/%s/proposals/%s/tally".formatted(coop, scheduled), users[1]), 200));
        } while (!timed.get("state").asText().equals("CLOSED") && System.nanoTime() < closeBy);
        assertThat(timed.get("state").asText()).as("the vote scheduled to close after A died closed on B").isEqualTo("CLOSED");
        assertThat(counts(timed)).usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal(4), new BigDecimal(2));
    }

    /**
     * The fraction of the event stream this node's segments of a processor cover: a segment with mask m is 1/(m+1) of
     * it, so a node running all of a processor's segments covers exactly 1.
     */
    private static BigDecimal share(ConfigurableApplicationContext node, String processor) {
        BigDecimal covered = BigDecimal.ZERO;
        StreamingEventProcessor streaming = node.getBean(EventProcessingConfiguration.class)
                .eventProcessor(processor, StreamingEventProcessor.class).orElseThrow();
        for (EventTrackerStatus status : streaming.processingStatus().values()) {
            covered = covered.add(BigDecimal.ONE.divide(BigDecimal.valueOf(status.getSegment().getMask() + 1L)));
        }
        return covered;
    }

    private static BigDecimal[] counts(JsonNode tally) {
        JsonNode c = tally.get("classes").get(0);
        return new BigDecimal[]{new BigDecimal(c.get("yes").asText()), new BigDecimal(c.get("no").asText())};
    }

    private String proposal(String node, String coop, String user, String schedule) throws Exception {
        return json(expect(post(node, "/api/v1/cooperatives/" + coop + "/proposals", user, user + "-password",
                "{\"title\":\"Vote\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\"%s}".formatted(schedule)), 201))
                .get("proposalId").asText();
    }

    private HttpResponse<String> ballot(String node, String coop, String proposal, String member, String user, String choice) throws Exception {
        return http.put(node, "/api/v1/cooperatives/%s/proposals/%s/ballots/%s".formatted(coop, proposal, member), basic(user),
                "{\"choice\":\"" + choice + "\"}");
    }

    /** Answered as expected, and with the read models that show it caught up (the position is named only then). */
    private static void acknowledged(HttpResponse<String> response, int status) {
        expect(response, status);
        assertThat(response.headers().firstValue("X-Plenum-Position")).as("read-your-writes completed for " + response.uri()).isPresent();
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String node, String path, String user, String password, String json) throws Exception {
        return http.post(node, path, NodeHttp.basic(user, password), json);
    }

    private HttpResponse<String> get(String node, String path, String user) throws Exception {
        return http.get(node, path, basic(user, user + "-password"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request);
    }

    private static String basic(String user) {
        return basic(user, user + "-password");
    }

    private static String basic(String user, String password) {
        return NodeHttp.basic(user, password);
    }

    private static void awaitThat(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TAKE_OVER.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + TAKE_OVER).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
