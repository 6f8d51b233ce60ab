package coop.plenum.governance.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read that leaves out top-level fields (a proposal's summary without its electorate) is answered by the embedded
 * store without copying those fields first (issue 16), and answers exactly what MongoDB would: the other fields
 * whole, the same documents for the same filter (also on a left-out field), order, skip and limit; other projections
 * as before.
 */
class LeavingOutFieldsTest {

    @TempDir
    Path dir;

    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoCollection<Document> proposals;

    @BeforeEach
    void start() {
        server = EmbeddedMongoServer.start(dir);
        client = MongoClients.create(server.connectionString());
        proposals = client.getDatabase("test").getCollection("proposals");
        for (int i = 0; i < 20; i++) {
            proposals.insertOne(new Document("_id", "p" + i).append("title", "Proposal " + i).append("n", i)
                    .append("state", i % 2 == 0 ? "VOTING" : "CLOSED")
                    .append("classes", List.of(new Document("id", "users").append("quorum", 10)))
                    .append("electorate", IntStream.range(0, 100).mapToObj(m -> new Document("memberId", "m" + m).append("power", m)).toList()));
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private List<Document> find(Bson filter, Bson projection, Bson sort, int skip, int limit) {
        return proposals.find(filter).projection(projection).sort(sort).skip(skip).limit(limit).into(new ArrayList<>());
    }

    @Test
    void aSummaryReadLeavesOutTheElectorateAndKeepsEveryOtherFieldWhole() {
        Document slim = proposals.find(Filters.eq("_id", "p3")).projection(Projections.exclude("electorate", "state")).first();
        assertThat(slim).isNotNull();
        assertThat(slim.keySet()).containsExactly("_id", "title", "n", "classes");
        assertThat(slim.getList("classes", Document.class)).containsExactly(new Document("id", "users").append("quorum", 10));
        assertThat(proposals.find(Filters.eq("_id", "p3")).first().getList("electorate", Document.class)).hasSize(100);
    }

    @Test
    void theSameDocumentsComeBackForAFilterOnALeftOutFieldAndInTheSameOrderSkipAndLimit() {
        Bson voting = Filters.eq("state", "VOTING");
        List<Document> whole = find(voting, null, Sorts.descending("n"), 2, 3);
        List<Document> slim = find(voting, Projections.exclude("electorate", "state"), Sorts.descending("n"), 2, 3);
        assertThat(slim).extracting(d -> d.getString("_id")).containsExactly("p14", "p12", "p10")
                .isEqualTo(whole.stream().map(d -> d.getString("_id")).toList());
        assertThat(slim).allSatisfy(d -> assertThat(d).doesNotContainKeys("electorate", "state"));
    }

    @Test
    void anAnswerKeepsTheVersionItReadWhenTheDocumentIsUpdatedAfterwards() {
        Document before = proposals.find(Filters.eq("_id", "p4")).projection(Projections.exclude("electorate")).first();
        proposals.updateOne(Filters.eq("_id", "p4"), Updates.combine(Updates.set("title", "Renamed"), Updates.set("classes", List.of())));
        assertThat(before.getString("title")).isEqualTo("Proposal 4");
        assertThat(proposals.find(Filters.eq("_id", "p4")).projection(Projections.exclude("electorate")).first())
                .containsEntry("title", "Renamed").containsEntry("classes", List.of());
    }

    @Test
    void otherProjectionsAreAnsweredAsBefore() {
        assertThat(proposals.find(Filters.eq("_id", "p5")).projection(Projections.include("title")).first().keySet())
                .containsExactly("_id", "title");
        assertThat(proposals.find(Filters.eq("_id", "p5")).projection(Projections.exclude("_id", "electorate")).first().keySet())
                .containsExactly("title", "n", "state", "classes");
        assertThat(proposals.find(Filters.eq("_id", "p5")).projection(Projections.exclude("classes.quorum")).first()
                .getList("classes", Document.class)).containsExactly(new Document("id", "users"));
    }
}
