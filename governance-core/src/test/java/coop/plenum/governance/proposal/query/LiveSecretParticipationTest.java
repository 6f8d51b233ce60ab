package coop.plenum.governance.proposal.query;

import coop.plenum.governance.proposal.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static coop.plenum.governance.proposal.query.SecretVoteReadModel.cast;
import static coop.plenum.governance.proposal.query.SecretVoteReadModel.retract;
import static coop.plenum.governance.proposal.query.SecretVoteReadModel.takingPart;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "secrecy: SECRET": who took part is public and the live page shows participation per class only. Read from
 * the ballot pages (not the proposal's document) and kept between reads, it stays right across a cast, a recast, a
 * retraction and a ballot cast again, whether the events come one by one or many in one batch of the processor, and
 * a read after new ballot events always counts them: against the embedded MongoDB-wire server.
 */
class LiveSecretParticipationTest {

    @TempDir
    Path dir;

    private SecretVoteReadModel vote;

    @BeforeEach
    void open() {
        vote = new SecretVoteReadModel(dir);
        vote.open(List.of("ann", "cara", "bob", "dan")); // ann, bob: workers; cara, dan: users
    }

    @AfterEach
    void close() {
        vote.close();
    }

    @Test
    void participationFollowsEachCastRecastAndRetractionAndTheLiveTallyCountsItPerClass() {
        assertThat(vote.tookPart()).isEmpty();
        assertLive(0, 0);

        vote.apply(cast(2, "ann"));
        assertThat(vote.tookPart()).containsExactly("ann");
        assertLive(1, 0);

        vote.apply(cast(3, "cara"));
        assertLive(1, 1);
        vote.apply(cast(4, "ann"));
        assertThat(vote.tookPart()).as("a recast keeps the member's place and counts once").containsExactly("ann", "cara");
        assertLive(1, 1);

        vote.apply(retract(5, "ann"));
        assertThat(vote.tookPart()).containsExactly("cara");
        assertLive(0, 1);

        vote.apply(cast(6, "ann"));
        assertThat(vote.tookPart()).as("cast again after a retraction: last").containsExactly("cara", "ann");
        assertLive(1, 1);

        TallyView beforeTheRetraction = vote.tally(SecretVoteReadModel.OPENED.plusSeconds(4));
        assertThat(takingPart(beforeTheRetraction, "workers")).as("as of an instant: who took part then").isEqualByComparingTo("1");
        assertThat(takingPart(vote.tally(SecretVoteReadModel.OPENED.plusSeconds(5)), "workers")).isEqualByComparingTo("0");
    }

    @Test
    void aBatchOfBallotEventsIsWrittenAtItsEndAndCountedByTheNextReadOfAKeptParticipation() {
        vote.apply(cast(14, "ann"));
        assertLive(1, 0); // the participation is now kept, as of sequence 14

        // sequences 15..19 cross from the first ballot page (0..15) to the second
        List<String> seenDuring = new ArrayList<>();
        vote.batch(List.of(cast(15, "bob"), retract(16, "ann"), cast(17, "cara"), cast(18, "ann"), retract(19, "cara")),
                step -> seenDuring.add(String.join(",", vote.tookPart())));

        assertThat(seenDuring).as("queued for the batch's bulk write: nothing written while it runs")
                .containsOnly("ann");
        assertThat(vote.tookPart()).containsExactly("bob", "ann");
        assertLive(2, 0);

        vote.batch(List.of(retract(20, "bob"), cast(21, "dan")), step -> { });
        assertThat(vote.tookPart()).containsExactly("ann", "dan");
        assertLive(1, 1);
    }

    private void assertLive(int workers, int users) {
        TallyView live = vote.tally(null);
        assertThat(live.hidden()).as("an open secret vote's tally is hidden").isEqualTo(Visibility.AFTER_CLOSE);
        assertThat(takingPart(live, "workers")).as("workers taking part").isEqualByComparingTo(String.valueOf(workers));
        assertThat(takingPart(live, "users")).as("users taking part").isEqualByComparingTo(String.valueOf(users));
    }
}
