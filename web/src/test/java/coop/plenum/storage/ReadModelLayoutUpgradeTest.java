package coop.plenum.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import coop.plenum.governance.storage.StorageConfiguration.ReadModelDatabase;
import coop.plenum.support.PlenumContexts;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read model whose projection now stores its documents differently is rebuilt from the log at the next start,
 * before anything reads it: the proposals read model moved its ballots from one document per ballot (found by
 * scanning every cooperative's ballots) to pages found by key (layout 2; pages of 16 since layout 3; a secret vote's
 * participation in them since layout 5; members' ballots joined the group at 4).
 */
class ReadModelLayoutUpgradeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private static String walt;

    @Test
    void aReadModelWrittenInAnOlderLayoutIsRebuiltAtStartAndAnswersAsBefore() throws Exception {
        String path;
        JsonNode before;
        List<String> receiptsBefore;
        try (ConfigurableApplicationContext first = start()) {
            WebTestClient http = PlenumContexts.client(first);
            path = openVoteWithTwoBallots(http);
            before = tallyClasses(http, path);
            receiptsBefore = receiptsOfWalt(http, path);
            assertThat(receiptsBefore).as("walt's two ballots, the last one counting").containsExactly("CAST NO true", "CAST YES false");
            assertThat(before.at("/0/yes").asText()).isEqualTo("1.000000");
            assertThat(before.at("/0/no").asText()).isEqualTo("1.000000");
            MongoDatabase readModels = readModels(first);
            assertThat(layout(readModels, "readmodel-proposals")).as("a new store records the current layout").isEqualTo(5);
            assertThat(layout(readModels, "readmodel-accounts")).isEqualTo(1);
            assertThat(layout(readModels, "readmodel-notifications"))
                    .as("a group's layout: 1 + its projections' changes (notifications 5 → 4, activity timeline 3 → 2)").isEqualTo(7);

            // as a store written by the previous release leaves it: layout 1 recorded, ballots one document each
            readModels.getCollection("readmodel_layouts").replaceOne(Filters.eq("_id", "readmodel-proposals"),
                    new Document("_id", "readmodel-proposals").append("version", 1), new ReplaceOptions().upsert(true));
            readModels.getCollection("proposal_ballot_pages").drop();
            readModels.getCollection("proposal_ballot_page_lists").drop();
            readModels.getCollection("proposal_ballots").insertOne(new Document("_id", "old-layout|1"));
            // members' ballots and the activity timeline had processing groups of their own then, with tokens and layouts
            readModels.getCollection("member_proposal_ballots").drop();
            for (String retired : List.of("readmodel-member-ballots", "readmodel-activity")) {
                readModels.getCollection("processor_tokens").insertOne(new Document("processorName", retired)
                        .append("segment", 0).append("owner", null));
                readModels.getCollection("readmodel_layouts").insertOne(new Document("_id", retired).append("version", 1));
            }
        }

        try (ConfigurableApplicationContext second = start()) {
            WebTestClient http = PlenumContexts.client(second);
            awaitReady(http);
            assertThat(tallyClasses(http, path)).as("the same tally, from ballots replayed into the new layout").isEqualTo(before);
            MongoDatabase readModels = readModels(second);
            assertThat(layout(readModels, "readmodel-proposals")).isEqualTo(5);
            assertThat(readModels.listCollectionNames().into(new ArrayList<>())).as("the old layout's documents are gone")
                    .doesNotContain("proposal_ballots").contains("proposal_ballot_pages");
            assertThat(receiptsOfWalt(http, path)).as("members' ballots rebuilt with the proposals' group").isEqualTo(receiptsBefore);
            for (String retired : List.of("readmodel-member-ballots", "readmodel-activity")) {
                assertThat(readModels.getCollection("processor_tokens").countDocuments(Filters.eq("processorName", retired)))
                        .as("the retired group's token is gone: " + retired).isZero();
                assertThat(layout(readModels, retired)).as("and its layout record: " + retired).isZero();
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return PlenumContexts.start(dataDir, "layout-admin", "--plenum.security.bcrypt-strength=4");
    }

    private static String openVoteWithTwoBallots(WebTestClient http) throws Exception {
        List<String> accounts = new ArrayList<>();
        for (String name : List.of("vera", "walt")) {
            http.post().uri("/api/v1/accounts").headers(h -> h.setBasicAuth("admin", "layout-admin"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"username\":\"" + name + "\",\"password\":\"" + name + "-password\",\"displayName\":\"" + name + "\"}")
                    .exchange().expectStatus().isCreated();
            accounts.add(json(http.get().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth(name, name + "-password"))
                    .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()).get("accountId").asText());
        }
        String coop = json(post(http, "/api/v1/cooperatives", "admin", "layout-admin", "{\"name\":\"Layouts\",\"charter\":{\"classes\":"
                + "[{\"id\":\"all\",\"name\":\"All\",\"weight\":100,\"quorum\":50}],\"topics\":[\"general\"]},"
                + "\"founders\":[{\"accountId\":\"" + accounts.get(0) + "\",\"classId\":\"all\"},{\"accountId\":\"" + accounts.get(1)
                + "\",\"classId\":\"all\"}],\"secretaryAccountId\":\"" + accounts.get(0) + "\"}")).get("cooperativeId").asText();
        JsonNode members = json(http.get().uri("/api/v1/cooperatives/" + coop + "/members").headers(h -> h.setBasicAuth("vera", "vera-password"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        Instant opensAt = Instant.now().plusSeconds(2);
        String proposal = json(post(http, "/api/v1/cooperatives/" + coop + "/proposals", "vera", "vera-password",
                "{\"title\":\"Layouts\",\"body\":\"\",\"topic\":\"general\",\"kind\":\"GENERAL\",\"votingOpensAt\":\"" + opensAt
                        + "\",\"votingClosesAt\":\"" + opensAt.plusSeconds(3600) + "\"}")).get("proposalId").asText();
        String path = "/api/v1/cooperatives/" + coop + "/proposals/" + proposal;
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!"VOTING".equals(json(http.get().uri(path).headers(h -> h.setBasicAuth("vera", "vera-password")).exchange()
                .expectBody(String.class).returnResult().getResponseBody()).path("state").asText())) {
            assertThat(System.nanoTime()).as("voting opened").isLessThan(deadline);
            Thread.sleep(200);
        }
        for (JsonNode member : members) {
            String who = member.get("accountId").asText().equals(accounts.get(0)) ? "vera" : "walt";
            String choice = who.equals("vera") ? "YES" : "NO";
            // walt changes his mind once: only his last ballot counts, after the rebuild as before it
            if (who.equals("walt")) {
                walt = member.get("memberId").asText();
                put(http, path + "/ballots/" + member.get("memberId").asText(), who, "{\"choice\":\"YES\"}");
            }
            put(http, path + "/ballots/" + member.get("memberId").asText(), who, "{\"choice\":\"" + choice + "\"}");
        }
        return path;
    }

    /** What the members' ballots read model decides: which ballots, and which one counts (not the proofs, which age). */
    private static List<String> receiptsOfWalt(WebTestClient http, String proposalPath) throws Exception {
        String coop = proposalPath.substring(0, proposalPath.indexOf("/proposals/"));
        JsonNode receipts = json(http.get().uri(coop + "/members/" + walt + "/receipts").headers(h -> h.setBasicAuth("walt", "walt-password"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        List<String> seen = new ArrayList<>();
        receipts.get("receipts").forEach(r -> seen.add(r.get("kind").asText() + " " + r.get("choice").asText() + " " + r.get("counts").asBoolean()));
        return seen;
    }

    private static JsonNode tallyClasses(WebTestClient http, String path) throws Exception {
        return json(http.get().uri(path + "/tally").headers(h -> h.setBasicAuth("vera", "vera-password")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()).get("classes");
    }

    private static void awaitReady(WebTestClient http) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (http.get().uri("/actuator/health/readiness").exchange().returnResult(String.class).getStatus().value() != 200) {
            assertThat(System.nanoTime()).as("ready after the rebuild").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static MongoDatabase readModels(ConfigurableApplicationContext context) {
        return context.getBean(MongoClient.class).getDatabase(context.getBean(ReadModelDatabase.class).name());
    }

    private static int layout(MongoDatabase readModels, String group) {
        Document found = readModels.getCollection("readmodel_layouts").find(Filters.eq("_id", group)).first();
        return found == null ? 0 : found.getInteger("version");
    }

    private static String post(WebTestClient http, String uri, String user, String password, String body) {
        return http.post().uri(uri).headers(h -> h.setBasicAuth(user, password)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().is2xxSuccessful().expectBody(String.class).returnResult().getResponseBody();
    }

    private static void put(WebTestClient http, String uri, String user, String body) {
        http.put().uri(uri).headers(h -> h.setBasicAuth(user, user + "-password")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk();
    }

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }
}
