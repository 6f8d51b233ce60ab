package coop.plenum.governance.proposal.query;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import coop.plenum.governance.axon.ReadModelWrites;
import coop.plenum.governance.election.ElectionResult;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.storage.EmbeddedMongoServer;
import coop.plenum.governance.tally.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open ELECTION's live count (Meek's method, no incremental count) is made again only when a ballot or a retraction
 * came in since the last read, so the reads of every live page in between cost no recount: against the embedded
 * MongoDB-wire server.
 */
class LiveElectionCountTest {

    private static final ProposalId P = new ProposalId("election-1");

    @TempDir
    Path dir;

    private EmbeddedMongoServer server;
    private MongoClient client;
    private ProposalBallots ballots;
    private LiveTallies live;
    private final List<Integer> recounts = new ArrayList<>();
    private final Function<List<BallotDocument>, Mono<ElectionResult>> recount = all -> {
        recounts.add(all.size());
        return Mono.just(new ElectionResult(Outcome.ACCEPTED, List.of(), List.of("counted " + all.size())));
    };

    @BeforeEach
    void start() {
        server = EmbeddedMongoServer.start(dir);
        client = MongoClients.create(server.connectionString());
        ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "test");
        ballots = new ProposalBallots(mongo, new ReadModelWrites(mongo));
        live = new LiveTallies(ballots, null); // an ELECTION is not delegable: its count reads no delegation
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void readsWithNoNewBallotReuseTheLastCountAndANewBallotOrRetractionIsCounted() {
        rank(1, "ann");
        assertThat(read()).isEqualTo("counted 1");
        assertThat(read()).isEqualTo("counted 1");
        assertThat(read()).isEqualTo("counted 1");
        assertThat(recounts).as("one count for three reads").containsExactly(1);

        rank(2, "bob");
        assertThat(read()).isEqualTo("counted 2");
        retract(3, "ann");
        assertThat(read()).isEqualTo("counted 3");
        assertThat(read()).isEqualTo("counted 3");
        assertThat(recounts).as("counted again after each change, over every ballot event").containsExactly(1, 2, 3);

        live.closed(P.value());
        assertThat(read()).isEqualTo("counted 3");
        assertThat(recounts).as("a closed vote's count is forgotten").containsExactly(1, 2, 3, 3);
    }

    private String read() {
        return live.election(P.value(), recount).block().elected().get(0);
    }

    private void rank(long sequence, String member) {
        ballots.record(P, sequence, new MemberId(member), null, null, null, null, List.of(List.of("cand")), Instant.EPOCH);
    }

    private void retract(long sequence, String member) {
        ballots.record(P, sequence, new MemberId(member), null, null, null, null, null, Instant.EPOCH);
    }
}
