package coop.plenum.governance.proposal.query;

import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.tally.Outcome;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static coop.plenum.governance.proposal.query.SecretVoteReadModel.cast;
import static coop.plenum.governance.proposal.query.SecretVoteReadModel.retract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A secret ballot writes only a small entry of the ballot pages (who took part, never the choice): the proposal's
 * document, which holds the frozen electorate, is not rewritten and does not grow with the ballots. It once held the
 * list of every participant, rewritten whole with each ballot: with 100,000 voters the proposals read model fell to
 * ~10 ballots/s behind a vote cast at ~455/s (docs/performance.md, "Secret-vote participation").
 */
class SecretBallotsLeaveTheProposalDocumentAloneTest {

    private static final int ELECTORS = 200;

    @TempDir
    Path dir;

    private SecretVoteReadModel vote;
    private final List<String> electors = new ArrayList<>();

    @BeforeEach
    void open() {
        for (int i = 0; i < ELECTORS; i++) {
            electors.add("m" + i);
        }
        vote = new SecretVoteReadModel(dir);
        vote.open(electors);
    }

    @AfterEach
    void close() {
        vote.close();
    }

    @Test
    void castingRecastingAndRetractingSecretBallotsLeavesTheProposalDocumentAsItWas() {
        Document before = vote.document();

        long sequence = 2;
        for (int i = 0; i < ELECTORS / 2; i++) {
            vote.apply(cast(sequence++, electors.get(i)));
        }
        List<SecretVoteReadModel.Step> batch = new ArrayList<>();
        for (int i = ELECTORS / 2; i < ELECTORS; i++) {
            batch.add(cast(sequence++, electors.get(i)));
        }
        for (int i = 0; i < 50; i++) {
            batch.add(cast(sequence++, electors.get(i)));
        }
        for (int i = 0; i < 20; i++) {
            batch.add(retract(sequence++, electors.get(i)));
        }
        vote.batch(batch, step -> { });

        Document after = vote.document();
        assertThat(bsonSize(after)).as("the document's size after %d secret ballot events", sequence - 2)
                .isEqualTo(bsonSize(before));
        assertThat(after).as("the document itself").isEqualTo(before);
        assertThat(vote.tookPart()).as("who took part, from the ballot pages").hasSize(ELECTORS - 20)
                .doesNotContainAnyElementsOf(electors.subList(0, 20));
    }

    @Test
    void aParticipantsListLeftInTheDocumentByEarlierVersionsIsDroppedWhenTheVoteCloses() {
        vote.apply(cast(2, "m1"), cast(3, "m2"));
        vote.mongo.updateFirst(Query.query(where("_id").is(SecretVoteReadModel.P.value())),
                new Update().set("secretParticipants", List.of("m1", "m2", "m7")), "proposals").block();
        assertThat(vote.tookPart()).as("the stale list is not read").containsExactly("m1", "m2");

        vote.batch(List.of(new SecretVoteReadModel.Step(4, new VotingClosed(SecretVoteReadModel.P,
                SecretVoteReadModel.OPENED.plusSeconds(4), Outcome.REJECTED, null))), step -> { });

        assertThat(vote.document()).doesNotContainKey("secretParticipants");
        assertThat(vote.tookPart()).containsExactly("m1", "m2");
    }

    private static int bsonSize(Document document) {
        return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
    }
}
