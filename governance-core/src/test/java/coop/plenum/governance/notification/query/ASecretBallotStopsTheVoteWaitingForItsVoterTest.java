package coop.plenum.governance.notification.query;

import coop.plenum.governance.axon.ReadModelWrites;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.notification.FindVoteStanding;
import coop.plenum.governance.notification.VoteStanding;
import coop.plenum.governance.proposal.SecretBallotCast;
import coop.plenum.governance.proposal.SecretBallotRetracted;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's "votes waiting for you" asks each open vote for the member's standing ({@link FindVoteStanding}),
 * which the notification read model answers. A secret ballot is the member's own ballot there exactly as an open one
 * is: once cast the vote no longer waits for them, once retracted it waits again; and nothing of the sealed ballot
 * is kept, only that they took part. The projection's handlers against the embedded MongoDB-wire server.
 */
class ASecretBallotStopsTheVoteWaitingForItsVoterTest extends coop.plenum.governance.storage.EmbeddedReadModelStore {

    private static final String COOP = "c1";
    private static final String SEAL = "U0VBTEVELWJhbGxvdC1ieXRlcw";
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");


    private Votes votes;
    private NotificationProjection projection;

    @BeforeEach
    void start() {
        votes = new Votes(mongo);
        // the ballot handlers neither notify nor schedule: no notifier or closing-soon schedule is needed for them
        projection = new NotificationProjection(mongo, null, null, votes, new ReadModelWrites(mongo));
        mongo.save(new VoteDocument("secret", COOP, "Admit Cara", "energy", "author", null, false, null,
                List.of(new VoteDocument.ClassQuorum("users", 0)), VoteDocument.VOTING, true)).block();
        int order = 0;
        for (String member : List.of("bob", "dave")) {
            mongo.save(ElectorDocument.of("secret", order++, new VoteDocument.Elector(member, "acc-" + member, "users", BigDecimal.ONE))).block();
        }
    }


    private VoteStanding standing(String member) {
        return votes.handle(new FindVoteStanding(new ProposalId("secret"), new MemberId(member)));
    }

    @Test
    void aSecretBallotIsTheMembersOwnBallotUntilTheyRetractIt() {
        assertThat(standing("bob").waiting()).isTrue();

        projection.on(new SecretBallotCast(new ProposalId("secret"), new MemberId("bob"), AT, SEAL));
        assertThat(standing("bob")).isEqualTo(new VoteStanding(true, true, null));
        assertThat(standing("dave").waiting()).as("only its voter").isTrue();

        projection.on(new SecretBallotRetracted(new ProposalId("secret"), new MemberId("bob"), AT.plusSeconds(60)));
        assertThat(standing("bob")).isEqualTo(new VoteStanding(true, false, null));

        projection.on(new SecretBallotCast(new ProposalId("secret"), new MemberId("bob"), AT.plusSeconds(120), SEAL));
        assertThat(standing("bob").waiting()).isFalse();
    }

    @Test
    void nothingOfTheSealedBallotIsKeptOnlyThatItsMemberTookPart() {
        projection.on(new SecretBallotCast(new ProposalId("secret"), new MemberId("bob"), AT, SEAL));
        List<String> stored = List.of("notification_votes", "notification_electors").stream()
                .flatMap(c -> mongo.findAll(Document.class, c).map(Document::toJson).collectList().block().stream())
                .toList();
        assertThat(stored).isNotEmpty().noneMatch(json -> json.contains(SEAL));
    }
}
