package coop.plenum.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import coop.plenum.support.PlenumContexts;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read models projected with one segment (before issue 16) keep working when a node starts with two: the node that
 * holds the single segment splits it, both halves start from its token, so nothing is handled again from the start
 * of the log, and what was there before still reads the same.
 */
class ReadModelSegmentsSplitOnUpgradeTest {

    private static final String ADMIN = "segments-admin";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void aReadModelStoredWithOneSegmentIsSplitInTwoFromItsTokenAndStillAnswersTheSame() throws Exception {
        String coop, first, member;
        long headBefore;
        ConfigurableApplicationContext before = PlenumContexts.start(data, ADMIN, "--plenum.security.bcrypt-strength=4",
                "--plenum.cluster.read-model-segments=1");
        try {
            WebTestClient http = PlenumContexts.client(before);
            String account = http.post().uri("/api/v1/accounts").headers(h -> h.setBasicAuth("admin", ADMIN))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"username\":\"sam\",\"password\":\"sam-password\",\"displayName\":\"Sam\"}")
                    .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .get("accountId").asText();
            coop = http.post().uri("/api/v1/cooperatives").headers(h -> h.setBasicAuth("admin", ADMIN))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                            {"name": "Split", "charter": {"classes": [{"id": "all", "name": "All", "weight": 100, "quorum": 0}],
                             "topics": ["general"]}, "founders": [{"accountId": "%s", "classId": "all"}],
                             "secretaryAccountId": "%s"}""".formatted(account, account))
                    .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .get("cooperativeId").asText();
            member = http.get().uri("/api/v1/cooperatives/{c}/members", coop).headers(as("sam")).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get(0).get("memberId").asText();
            first = openVoteWithABallot(http, coop, member, "YES");
            assertThat(segments(before, "readmodel-proposals")).as("stored with one segment").hasSize(1);
            headBefore = before.getBean(JdbcTemplate.class).queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        } finally {
            before.close();
        }

        ConfigurableApplicationContext after = PlenumContexts.start(data, ADMIN, "--plenum.security.bcrypt-strength=4",
                "--plenum.cluster.rebalance-interval=1s");
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (segments(after, "readmodel-proposals").size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            List<Long> split = segments(after, "readmodel-proposals");
            assertThat(split).as("split in two").hasSize(2);
            assertThat(split).as("both halves start from the single segment's token, not the start of the log")
                    .allSatisfy(position -> assertThat(position).isGreaterThanOrEqualTo(headBefore));
            assertThat(segments(after, "readmodel-membership")).as("a projection across aggregates keeps one segment").hasSize(1);

            WebTestClient http = PlenumContexts.client(after);
            tallyIs(http, coop, first, "1.000000", "0.000000");
            String second = openVoteWithABallot(http, coop, member, "NO");
            tallyIs(http, coop, second, "0.000000", "1.000000");
            tallyIs(http, coop, first, "1.000000", "0.000000");
            for (String[] ballot : new String[][]{{first, "YES"}, {second, "NO"}}) {
                http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}/tally/members/{m}", coop, ballot[0], member)
                        .headers(as("sam")).exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.how").isEqualTo("DIRECT").jsonPath("$.choice").isEqualTo(ballot[1]);
            }
        } finally {
            after.close();
        }
    }

    private static String openVoteWithABallot(WebTestClient http, String coop, String member, String choice) {
        String proposal = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as("sam"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Vote\",\"body\":\"\",\"topic\":\"general\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, proposal).headers(as("sam"))
                .exchange().expectStatus().isNoContent();
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, member).headers(as("sam"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"" + choice + "\"}")
                .exchange().expectStatus().isOk();
        return proposal;
    }

    private static void tallyIs(WebTestClient http, String coop, String proposal, String yes, String no) {
        http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, proposal).headers(as("sam")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.classes[0].yes").isEqualTo(yes).jsonPath("$.classes[0].no").isEqualTo(no);
    }

    /** The position each stored segment of the processor has reached, read from MongoDB's processor_tokens. */
    private static List<Long> segments(ConfigurableApplicationContext node, String processor) throws Exception {
        List<Long> positions = new ArrayList<>();
        for (Document token : node.getBean(MongoClient.class).getDatabase("plenum").getCollection("processor_tokens")
                .find(Filters.eq("processorName", processor))) {
            Object stored = token.get("token");
            positions.add(stored instanceof Binary binary ? JSON.readTree(binary.getData()).path("index").asLong(-1) : -1L);
        }
        return positions;
    }
}
