package coop.plenum.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.governance.storage.StoresCommand;
import coop.plenum.support.NodeHttp;
import coop.plenum.support.PlenumContexts;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: two nodes on one PostgreSQL and one MongoDB (started as {@code plenum stores} starts them), with clients
 * spread over both. Ballots on the same proposals from both nodes at once, delegations on one node while the other
 * opens and closes: every command is acknowledged (no 5xx, no 409 from the other node's writes), every read on the
 * node a client wrote to shows what it wrote, and both nodes end with the same tallies, each ballot counted once.
 */
class TwoNodesOnSharedStoresTest {

    private static final String ADMIN = "two-nodes-admin";
    private static final int MEMBERS = 12;
    private static final int DELEGATORS = 4;          // the last four delegate to the first four and never vote
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeHttp http = new NodeHttp();
    /** For the live tally's event stream, which {@link NodeHttp} does not read. */
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    @Test
    void ballotsDelegationsOpeningAndClosingOnTwoNodesLoseNothingCountNothingTwiceAndEveryClientReadsItsWrites() throws Exception {
        Path stores = Files.createTempDirectory("plenum-two-stores-");
        try (StoresCommand.Running running = StoresCommand.start(List.of("--data-dir", stores.toString()))) {
            List<String> shared = new ArrayList<>(running.settings().stream().map(coop.plenum.support.SharedStoreArguments::of).toList());
            shared.addAll(List.of("--plenum.security.bcrypt-strength=4", "--plenum.cluster.rebalance-interval=1s"));
            ConfigurableApplicationContext a = PlenumContexts.start(Files.createTempDirectory("plenum-node-a-"), ADMIN,
                    shared.toArray(String[]::new));
            ConfigurableApplicationContext b = PlenumContexts.start(Files.createTempDirectory("plenum-node-b-"), ADMIN,
                    shared.toArray(String[]::new));
            try {
                run(a, List.of(base(a), base(b)));
                assertThat(segmentsHeld(a, "readmodel-proposals")).as("node A runs a share of the proposals' segments").isPositive();
                assertThat(segmentsHeld(b, "readmodel-proposals")).as("node B runs a share of the proposals' segments").isPositive();
            } finally {
                b.close();
                a.close();
            }
        }
    }

    private void run(ConfigurableApplicationContext a, List<String> nodes) throws Exception {
        String nodeA = nodes.get(0), nodeB = nodes.get(1);
        String[] users = new String[MEMBERS];
        String[] accounts = new String[MEMBERS];
        for (int i = 0; i < MEMBERS; i++) {
            users[i] = "member" + i;
            JsonNode created = ok(post(nodes.get(i % 2), "/api/v1/accounts", "admin", ADMIN,
                    "{\"username\":\"%s\",\"password\":\"%s-password\",\"displayName\":\"Member %d\"}".formatted(users[i], users[i], i)), 201);
            accounts[i] = created.get("accountId").asText();
        }
        StringBuilder founders = new StringBuilder();
        for (int i = 0; i < MEMBERS; i++) {
            founders.append(i == 0 ? "" : ",").append("{\"accountId\":\"%s\",\"classId\":\"%s\"}".formatted(accounts[i], classOf(i)));
        }
        String coop = ok(post(nodeB, "/api/v1/cooperatives", "admin", ADMIN, """
                {"name": "Two nodes",
                 "charter": {"classes": [{"id": "workers", "name": "Workers", "weight": 50, "quorum": 0},
                                         {"id": "users", "name": "Users", "weight": 50, "quorum": 0}],
                             "topics": ["energy"], "delegation": {"enabled": true, "maxChainLength": 3}},
                 "founders": [%s], "secretaryAccountId": "%s"}""".formatted(founders, accounts[0])), 201).get("cooperativeId").asText();
        // read on the other node than the one that founded it: the members' read model must have caught up there too
        String[] members = new String[MEMBERS];
        for (JsonNode m : ok(get(nodeA, "/api/v1/cooperatives/" + coop + "/members", users[0]), 200)) {
            for (int i = 0; i < MEMBERS; i++) {
                if (m.get("accountId").asText().equals(accounts[i])) {
                    members[i] = m.get("memberId").asText();
                    // the name comes from AccountCreated, appended through either node: none may be missing
                    assertThat(m.path("displayName").asText()).isEqualTo("Member " + i);
                }
            }
        }
        for (int i = 0; i < MEMBERS; i++) {
            assertThat(members[i]).as("member %d listed on node A right after founding on node B", i).isNotNull();
        }

        // node B loads the Cooperative (its facts) into its cache by submitting the proposals there
        String[] proposals = new String[2];
        for (int p = 0; p < proposals.length; p++) {
            proposals[p] = ok(post(nodeB, "/api/v1/cooperatives/" + coop + "/proposals", users[0], users[0] + "-password",
                    "{\"title\":\"Proposal %d\",\"body\":\"Both nodes vote\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}".formatted(p)), 201)
                    .get("proposalId").asText();
        }
        // then the delegations change the Cooperative through node A only: node B's cached one is now behind the log
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> delegating = new ArrayList<>();
            for (int d = MEMBERS - DELEGATORS; d < MEMBERS; d++) {
                int delegator = d;
                delegating.add(pool.submit(() -> {
                    String to = members[delegator - (MEMBERS - DELEGATORS)];
                    acknowledged(put(nodeA, "/api/v1/cooperatives/%s/members/%s/delegations/_global".formatted(coop, members[delegator]),
                            users[delegator], "{\"delegateId\":\"" + to + "\"}"), 204, "delegation by member " + delegator);
                    return null;
                }));
            }
            for (Future<?> f : delegating) {
                f.get();
            }
            // opening on node B reads the Cooperative's facts: they must be the ones after A's delegations
            for (String proposal : proposals) {
                acknowledged(post(nodeB, "/api/v1/cooperatives/%s/proposals/%s/opening".formatted(coop, proposal), users[0],
                        users[0] + "-password", ""), 204, "opening");
            }

            // every voter votes on both proposals, twice (first NO, then its final choice), through alternating nodes,
            // all at once: both nodes append to the same proposals concurrently
            Map<String, String> finalChoice = new ConcurrentHashMap<>();
            List<Future<?>> voting = new ArrayList<>();
            for (int i = 0; i < MEMBERS - DELEGATORS; i++) {
                for (int p = 0; p < proposals.length; p++) {
                    int voter = i, which = p;
                    voting.add(pool.submit(() -> {
                        String choice = (voter + which) % 3 == 0 ? "NO" : (voter + which) % 3 == 1 ? "YES" : "ABSTAIN";
                        vote(nodes.get((voter + which) % 2), coop, proposals[which], members[voter], users[voter], "NO");
                        vote(nodes.get((voter + which + 1) % 2), coop, proposals[which], members[voter], users[voter], choice);
                        finalChoice.put(proposals[which] + "/" + voter, choice);
                        return null;
                    }));
                }
            }
            for (Future<?> f : voting) {
                f.get();
            }
            assertThat(failures).as("every command acknowledged and read back where it was written").isEmpty();

            // both nodes lose the connections they listen on; they reconnect, and the signals below still arrive
            int dropped = new JdbcTemplate(a.getBean(DataSource.class)).queryForObject(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'plenum-node'", Integer.class);
            assertThat(dropped).as("listening connections, one per node").isEqualTo(2);
            scheduledVoteClosesOnTimeWhileBothNodesTakeBallots(nodes, coop, users, members, pool);

            // a live tally on node B, of the proposal node A closes: the change reaches it by node A's signal
            CountDownLatch streaming = new CountDownLatch(1);
            CompletableFuture<Long> closedSeenAt = new CompletableFuture<>();
            CompletableFuture<HttpResponse<Stream<String>>> live = client.sendAsync(
                    HttpRequest.newBuilder(URI.create(nodeB + "/api/v1/cooperatives/%s/proposals/%s/tally/stream".formatted(coop, proposals[0])))
                            .header("Authorization", basic(users[1], users[1] + "-password")).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            live.thenAccept(response -> response.body().filter(line -> line.startsWith("data:")).forEach(line -> {
                streaming.countDown();
                if (line.contains("\"state\":\"CLOSED\"")) {
                    closedSeenAt.complete(System.nanoTime());
                }
            }));
            assertThat(streaming.await(30, TimeUnit.SECONDS)).as("the live tally streams on node B").isTrue();

            // closing one proposal on each node; DelegationsFrozen comes from that node's view of the Cooperative
            long[] positions = new long[proposals.length];
            long closedOnA = 0;
            for (int p = 0; p < proposals.length; p++) {
                HttpResponse<String> closed = post(nodes.get(p % 2), "/api/v1/cooperatives/%s/proposals/%s/closing".formatted(coop,
                        proposals[p]), users[0], users[0] + "-password", "");
                if (p == 0) {
                    closedOnA = System.nanoTime();
                }
                acknowledged(closed, 204, "closing");
                positions[p] = Long.parseLong(closed.headers().firstValue("X-Plenum-Position").orElse("-1"));
            }
            assertThat(failures).isEmpty();
            long lag = TimeUnit.NANOSECONDS.toMillis(closedSeenAt.get(10, TimeUnit.SECONDS) - closedOnA);
            System.out.println("Node B's live tally showed the vote node A closed " + lag + " ms after node A answered");
            // its own re-read comes every 5 s; the signal makes it a matter of the 50 ms scan and one query
            assertThat(lag).as("ms from node A's answer to node B's live tally").isLessThan(1500);
            live.thenAccept(response -> response.body().close());

            for (int p = 0; p < proposals.length; p++) {
                Map<String, BigDecimal[]> expected = expectedTally(proposals[p], finalChoice);
                for (String node : nodes) {
                    JsonNode tally = ok(send(HttpRequest.newBuilder(URI.create(node + "/api/v1/cooperatives/%s/proposals/%s/tally"
                                    .formatted(coop, proposals[p]))).header("Authorization", basic(users[1], users[1] + "-password"))
                            .header("X-Plenum-Position", Long.toString(positions[p])).GET()), 200);
                    assertThat(tally.get("state").asText()).isEqualTo("CLOSED");
                    for (JsonNode c : tally.get("classes")) {
                        BigDecimal[] counts = expected.get(c.get("classId").asText());
                        assertThat(new BigDecimal[]{new BigDecimal(c.get("yes").asText()), new BigDecimal(c.get("no").asText()),
                                new BigDecimal(c.get("abstain").asText())})
                                .as("final yes/no/abstain of %s in %s on %s", c.get("classId").asText(), proposals[p], node)
                                .usingElementComparator(BigDecimal::compareTo).containsExactly(counts);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A vote opened and closed by its schedule (deadlines, run by whichever node's scheduler picks them) while voters
     * cast ballots through both nodes as fast as they can: a ballot answered 200 counts, one refused because voting
     * had closed does not, and nothing else is refused.
     */
    private void scheduledVoteClosesOnTimeWhileBothNodesTakeBallots(List<String> nodes, String coop, String[] users,
                                                                     String[] members, ExecutorService pool) throws Exception {
        Instant opensAt = Instant.now().plusSeconds(3);
        Instant closesAt = opensAt.plusSeconds(4);
        String proposal = ok(post(nodes.get(0), "/api/v1/cooperatives/" + coop + "/proposals", users[0], users[0] + "-password",
                "{\"title\":\"Timed\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\",\"votingOpensAt\":\"%s\",\"votingClosesAt\":\"%s\"}"
                        .formatted(opensAt, closesAt)), 201).get("proposalId").asText();
        Map<String, String> finalChoice = new ConcurrentHashMap<>();
        List<Future<?>> voting = new ArrayList<>();
        String[] choices = {"YES", "NO", "ABSTAIN"};
        for (int i = 0; i < MEMBERS - DELEGATORS; i++) {
            int voter = i;
            voting.add(pool.submit(() -> {
                String path = "/api/v1/cooperatives/%s/proposals/%s/ballots/%s".formatted(coop, proposal, members[voter]);
                boolean opened = false;
                for (int n = 0; Instant.now().isBefore(closesAt.plusSeconds(20)); n++) {
                    String choice = choices[(voter + n) % 3];
                    HttpResponse<String> cast = put(nodes.get((voter + n) % 2), path, users[voter], "{\"choice\":\"" + choice + "\"}");
                    if (cast.statusCode() == 200) {
                        opened = true;
                        finalChoice.put(proposal + "/" + voter, choice);
                    } else if (cast.statusCode() == 409 && cast.body().contains("ballot.voting-not-open")) {
                        if (opened || Instant.now().isAfter(closesAt)) {
                            return null;
                        }
                        Thread.sleep(100);
                    } else {
                        failures.add("timed ballot of %s: %d %s".formatted(users[voter], cast.statusCode(), cast.body()));
                        return null;
                    }
                }
                failures.add("timed vote never closed for " + users[voter]);
                return null;
            }));
        }
        for (Future<?> f : voting) {
            f.get();
        }
        assertThat(failures).as("ballots on a vote that closes by its schedule").isEmpty();
        Map<String, BigDecimal[]> expected = expectedTally(proposal, finalChoice);
        for (String node : nodes) {
            JsonNode tally = awaitClosed(node, coop, proposal, users[1]);
            for (JsonNode c : tally.get("classes")) {
                assertThat(new BigDecimal[]{new BigDecimal(c.get("yes").asText()), new BigDecimal(c.get("no").asText()),
                        new BigDecimal(c.get("abstain").asText())})
                        .as("scheduled vote: yes/no/abstain of %s on %s", c.get("classId").asText(), node)
                        .usingElementComparator(BigDecimal::compareTo).containsExactly(expected.get(c.get("classId").asText()));
            }
        }
    }

    private JsonNode awaitClosed(String node, String coop, String proposal, String reader) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode tally = ok(get(node, "/api/v1/cooperatives/%s/proposals/%s/tally".formatted(coop, proposal), reader), 200);
            if (tally.get("state").asText().equals("CLOSED") || System.nanoTime() > deadline) {
                assertThat(tally.get("state").asText()).as("the scheduled vote closed, seen on " + node).isEqualTo("CLOSED");
                return tally;
            }
            Thread.sleep(100);
        }
    }

    /** Each voter's final choice counts with its power (1) in its class; each delegator's follows its delegate's. */
    private static Map<String, BigDecimal[]> expectedTally(String proposal, Map<String, String> finalChoice) {
        Map<String, BigDecimal[]> counts = new HashMap<>();
        for (String c : List.of("workers", "users")) {
            counts.put(c, new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        }
        for (int i = 0; i < MEMBERS; i++) {
            int voter = i >= MEMBERS - DELEGATORS ? i - (MEMBERS - DELEGATORS) : i;
            String choice = finalChoice.get(proposal + "/" + voter);
            int slot = switch (choice) {
                case "YES" -> 0;
                case "NO" -> 1;
                default -> 2;
            };
            BigDecimal[] inClass = counts.get(classOf(i));
            inClass[slot] = inClass[slot].add(BigDecimal.ONE);
        }
        return counts;
    }

    private static String classOf(int member) {
        return member % 2 == 0 ? "workers" : "users";
    }

    /** Casts a ballot on one node and reads it back there at once: this member's own ballot, counted directly. */
    private void vote(String node, String coop, String proposal, String member, String user, String choice) throws Exception {
        HttpResponse<String> cast = put(node, "/api/v1/cooperatives/%s/proposals/%s/ballots/%s".formatted(coop, proposal, member),
                user, "{\"choice\":\"" + choice + "\"}");
        if (!acknowledged(cast, 200, "ballot of " + user + " (" + choice + ")")) {
            return;
        }
        HttpResponse<String> read = get(node, "/api/v1/cooperatives/%s/proposals/%s/tally/members/%s".formatted(coop, proposal, member), user);
        if (status(read, 200, "reading back the ballot of " + user)) {
            JsonNode how = JSON.readTree(read.body());
            if (!how.path("how").asText().equals("DIRECT") || !how.path("choice").asText().equals(choice)) {
                failures.add("%s on %s read back %s after casting %s".formatted(user, node, read.body(), choice));
            }
        }
    }

    private boolean status(HttpResponse<String> response, int expected, String what) {
        if (response.statusCode() != expected) {
            failures.add("%s: %d %s".formatted(what, response.statusCode(), response.body()));
            return false;
        }
        return true;
    }

    /**
     * A command's answer names the log position of what it appended only when the read models that show it had
     * reached it before the answer: without one, the node gave up waiting (3 s), as it did for every command whose
     * read model another node ran before issue 16.
     */
    private boolean acknowledged(HttpResponse<String> response, int expected, String what) {
        if (!status(response, expected, what)) {
            return false;
        }
        if (response.headers().firstValue("X-Plenum-Position").isEmpty()) {
            failures.add(what + ": answered without X-Plenum-Position, so read-your-writes timed out");
            return false;
        }
        return true;
    }

    private JsonNode ok(HttpResponse<String> response, int expected) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String node, String path, String user, String password, String json) throws Exception {
        return http.post(node, path, NodeHttp.basic(user, password), json);
    }

    private HttpResponse<String> put(String node, String path, String user, String json) throws Exception {
        return http.put(node, path, basic(user, user + "-password"), json);
    }

    private HttpResponse<String> get(String node, String path, String user) throws Exception {
        return http.get(node, path, basic(user, user + "-password"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request);
    }

    private static String basic(String user, String password) {
        return NodeHttp.basic(user, password);
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static int segmentsHeld(ConfigurableApplicationContext node, String processor) {
        return node.getBean(EventProcessingConfiguration.class).eventProcessor(processor, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().size()).orElse(0);
    }
}
