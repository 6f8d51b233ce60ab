package coop.plenum.governance.activity.query;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.activity.ActivityEntry;
import coop.plenum.governance.activity.ActivityKind;
import coop.plenum.governance.activity.FindActivity;
import coop.plenum.governance.axon.ReadModelWrites;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.ProposalSubmitted;
import coop.plenum.governance.proposal.Secrecy;
import coop.plenum.governance.proposal.SecretBallotCast;
import coop.plenum.governance.proposal.SecretBallotRetracted;
import coop.plenum.governance.proposal.Visibility;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.tally.Choice;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "secrecy: SECRET" in the activity timeline: who took part in a secret vote is public, so the timeline tells
 * it (one entry per member and vote, at their latest ballot, like an open ballot), and never anything of the sealed
 * ballot; a retracted secret ballot is no longer taking part, so its entry goes until the member votes again; a vote
 * that also hides its ballots until close tells nothing of them. The projection's handlers against the embedded
 * MongoDB-wire server.
 */
class SecretBallotsInTheTimelineTest extends coop.plenum.governance.storage.EmbeddedReadModelStore {

    private static final CooperativeId COOP = new CooperativeId("c1");
    private static final MemberId ALICE = new MemberId("alice");
    private static final MemberId BOB = new MemberId("bob");
    private static final Instant OPENED = Instant.parse("2026-12-01T10:00:00Z");
    private static final String SEAL = "U0VBTEVELWJhbGxvdC1ieXRlcw";


    private ActivityProjection timeline;

    @BeforeEach
    void start() {
        timeline = new ActivityProjection(mongo, new ReadModelWrites(mongo));
    }


    private ProposalId vote(String id, String title, Secrecy secrecy, Visibility visibility) {
        ProposalId p = new ProposalId(id);
        ProposalSubmitted submitted = new ProposalSubmitted(p, COOP, ALICE, new AccountId("acc-alice"), title, "b", "energy",
                ProposalKind.GENERAL, null, null, null, OPENED.minusSeconds(3600));
        timeline.on(submitted, GenericEventMessage.asEventMessage(submitted));
        VotingOpened opened = new VotingOpened(p, COOP, "energy", OPENED, List.of(), null, null, List.of(), null, null,
                visibility, null, null, null, secrecy);
        timeline.on(opened, GenericEventMessage.asEventMessage(opened));
        return p;
    }

    private void cast(ProposalId p, MemberId member, Instant at) {
        timeline.on(new SecretBallotCast(p, member, at, SEAL));
    }

    private List<ActivityEntry> ballotEntries() {
        return timeline.handle(new FindActivity(COOP, 0, 50)).join().entries().stream()
                .filter(e -> e.kind() == ActivityKind.SECRET_BALLOT_CAST || e.kind() == ActivityKind.BALLOT_CAST).toList();
    }

    @Test
    void aSecretBallotIsToldAsTakingPartByItsMemberWithNothingOfItsSeal() {
        ProposalId p = vote("p1", "Admit Cara", Secrecy.SECRET, null);
        cast(p, BOB, OPENED.plusSeconds(600));

        assertThat(ballotEntries()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ActivityKind.SECRET_BALLOT_CAST);
            assertThat(e.actor()).isEqualTo(BOB);
            assertThat(e.subject()).isNull();
            assertThat(e.proposalId()).isEqualTo(p);
            assertThat(e.title()).isEqualTo("Admit Cara");
            assertThat(e.at()).isEqualTo(OPENED.plusSeconds(600));
            assertThat(e.detail()).as("no choice, nothing of the ballot").isNull();
        });
        assertThat(everyStoredDocument()).as("the sealed ballot is stored nowhere in the timeline's read model")
                .noneMatch(json -> json.contains(SEAL));
    }

    @Test
    void aRecastMovesTheOneEntryAndARetractionRemovesItUntilTheMemberVotesAgain() {
        ProposalId p = vote("p1", "Admit Cara", Secrecy.SECRET, null);
        cast(p, BOB, OPENED.plusSeconds(60));
        cast(p, BOB, OPENED.plusSeconds(120));
        assertThat(ballotEntries()).singleElement().extracting(ActivityEntry::at).isEqualTo(OPENED.plusSeconds(120));

        cast(p, ALICE, OPENED.plusSeconds(150));
        timeline.on(new SecretBallotRetracted(p, BOB, OPENED.plusSeconds(180)));
        assertThat(ballotEntries()).as("Bob no longer takes part; Alice still does").singleElement()
                .extracting(ActivityEntry::actor).isEqualTo(ALICE);

        timeline.on(new SecretBallotRetracted(p, BOB, OPENED.plusSeconds(190)));
        cast(p, BOB, OPENED.plusSeconds(240));
        assertThat(ballotEntries()).extracting(ActivityEntry::actor, ActivityEntry::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BOB, OPENED.plusSeconds(240)),
                        org.assertj.core.groups.Tuple.tuple(ALICE, OPENED.plusSeconds(150)));
    }

    @Test
    void aRetractedSecretBallotLeavesTheOpenBallotsOfOtherVotesAlone() {
        ProposalId secret = vote("p1", "Admit Cara", Secrecy.SECRET, null);
        ProposalId open = vote("p2", "Solar roof", null, null);
        timeline.on(new BallotCast(open, BOB, Choice.YES, OPENED.plusSeconds(30)));
        cast(secret, BOB, OPENED.plusSeconds(60));
        timeline.on(new SecretBallotRetracted(secret, BOB, OPENED.plusSeconds(90)));

        assertThat(ballotEntries()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ActivityKind.BALLOT_CAST);
            assertThat(e.proposalId()).isEqualTo(open);
        });
    }

    @Test
    void anOpenBallotTakenBackLeavesNoVotedEntryUntilTheMemberVotesAgain() {
        ProposalId open = vote("p2", "Solar roof", null, null);
        timeline.on(new BallotCast(open, BOB, Choice.YES, OPENED.plusSeconds(30)));
        timeline.on(new coop.plenum.governance.proposal.BallotRetracted(open, BOB, OPENED.plusSeconds(60)));
        assertThat(ballotEntries()).as("Bob has no ballot standing").isEmpty();

        timeline.on(new BallotCast(open, BOB, Choice.NO, OPENED.plusSeconds(90)));
        assertThat(ballotEntries()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ActivityKind.BALLOT_CAST);
            assertThat(e.at()).isEqualTo(OPENED.plusSeconds(90));
        });
    }

    @Test
    void aSecretVoteThatAlsoHidesItsBallotsUntilCloseTellsNothingOfThem() {
        ProposalId p = vote("p1", "Admit Cara", Secrecy.SECRET, Visibility.AFTER_CLOSE);
        cast(p, BOB, OPENED.plusSeconds(60));
        assertThat(ballotEntries()).isEmpty();
        assertThat(timeline.handle(new FindActivity(COOP, 0, 50)).join().entries())
                .extracting(ActivityEntry::kind).contains(ActivityKind.VOTING_OPENED);
    }

    private List<String> everyStoredDocument() {
        return Flux.fromIterable(List.of("activity", "activity_proposals", "activity_contributions"))
                .concatMap(c -> mongo.findAll(Document.class, c))
                .map(Document::toJson)
                .collectList().block();
    }
}
