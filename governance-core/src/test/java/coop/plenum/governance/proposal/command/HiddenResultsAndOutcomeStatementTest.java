package coop.plenum.governance.proposal.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.power.AcceptedPoints;
import coop.plenum.governance.proposal.CloseVoting;
import coop.plenum.governance.proposal.DelegationsFrozen;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.proposal.OpenVoting;
import coop.plenum.governance.proposal.OutcomeStatementRecorded;
import coop.plenum.governance.proposal.ProposalExecuted;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.ProposalSubmitted;
import coop.plenum.governance.proposal.RecordOutcomeStatement;
import coop.plenum.governance.proposal.SubmitProposal;
import coop.plenum.governance.proposal.Visibility;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.StateConflict;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static coop.plenum.governance.proposal.command.ProposalTest.field;

/**
 * SPEC "Voting methods": {@code visibility: AFTER_CLOSE} is recorded at submission and pinned when voting opens, like
 * the method; and "authors may record an outcome statement after close".
 */
class HiddenResultsAndOutcomeStatementTest {

    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    private static final CooperativeId COOP = new CooperativeId("coop-1");
    private static final ProposalId P = new ProposalId("p-1");
    private static final AccountId ALICE = new AccountId("acc-alice");
    private static final AccountId BOB = new AccountId("acc-bob");
    private static final MemberId ALICE_M = new MemberId("m-alice");
    private static final MemberId BOB_M = new MemberId("m-bob");
    private static final BigDecimal ONE = new BigDecimal("1.000000");

    private AggregateTestFixture<Proposal> fixture;
    private final ProposalTest.FakeCooperative coop = new ProposalTest.FakeCooperative();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((coop.plenum.governance.cooperative.CooperativeFactsSource) id -> coop);
        fixture.registerInjectableResource((AcceptedPoints) (c, m, asOf, from) -> BigDecimal.ZERO);
        fixture.registerInjectableResource(new coop.plenum.governance.proposal.secret.InMemorySecretBallotKeys());
    }

    private static Map<String, ?> by(AccountId actor) {
        return Map.of("actor", actor.value());
    }

    private static SubmitProposal submit(Visibility visibility) {
        return new SubmitProposal(P, COOP, "Solar roof", "", "energy", ProposalKind.GENERAL, null, null, null, null, null, visibility);
    }

    /** Bob proposes; events say AFTER_CLOSE, or nothing for PUBLIC (as every event from before visibility). */
    private static ProposalSubmitted submitted(Visibility visibility) {
        return new ProposalSubmitted(P, COOP, BOB_M, BOB, "Solar roof", "", "energy", ProposalKind.GENERAL, null,
                null, null, NOW, VoteMethod.YES_NO, null, visibility);
    }

    private VotingOpened opened(Visibility visibility) {
        Charter charter = coop.charterAsOf(NOW);
        return new VotingOpened(P, COOP, "energy", NOW, charter.classes(), charter.decision(), charter.delegation(),
                List.of(new ElectorateMember(ALICE_M, ALICE, "workers", ONE), new ElectorateMember(BOB_M, BOB, "users", ONE)),
                VoteMethod.YES_NO, null, visibility);
    }

    private static VotingClosed closed() {
        return new VotingClosed(P, NOW, Outcome.NO_QUORUM, null);
    }

    @Test
    void aProposalSubmittedAfterCloseRecordsItsVisibility() {
        fixture.givenNoPriorActivity().when(submit(Visibility.AFTER_CLOSE), by(BOB))
                .expectEvents(submitted(Visibility.AFTER_CLOSE));
    }

    @Test
    void aPublicProposalRecordsNoVisibilityWhichMeansPublic() {
        fixture.givenNoPriorActivity().when(submit(Visibility.PUBLIC), by(BOB)).expectEvents(submitted(null));
        fixture.givenNoPriorActivity().when(submit(null), by(BOB)).expectEvents(submitted(null));
    }

    @Test
    void theVisibilityIsPinnedWhenVotingOpens() {
        fixture.given(submitted(Visibility.AFTER_CLOSE)).when(new OpenVoting(P), by(ALICE))
                .expectEvents(opened(Visibility.AFTER_CLOSE));
        fixture.given(submitted(null)).when(new OpenVoting(P), by(ALICE)).expectEvents(opened(null));
    }

    @Test
    void anAfterCloseVoteClosesWithTheSameCountAsAPublicOne() {
        fixture.given(submitted(Visibility.AFTER_CLOSE), opened(Visibility.AFTER_CLOSE)).when(new CloseVoting(P), by(ALICE))
                .expectEvents(new DelegationsFrozen(P, NOW, List.of()), closed());
    }

    @Test
    void theAuthorRecordsAnOutcomeStatementAfterCloseWithItsCooperative() {
        fixture.given(submitted(null), opened(null), closed())
                .when(new RecordOutcomeStatement(P, "  We go solar.\nThe board orders panels.  "), by(BOB))
                .expectEvents(new OutcomeStatementRecorded(P, COOP, "We go solar.\nThe board orders panels.", BOB_M, NOW));
    }

    @Test
    void recordingAgainAddsAnotherStatementAndKeepsTheFirstInTheLog() {
        fixture.given(submitted(null), opened(null), closed(), new OutcomeStatementRecorded(P, COOP, "First", BOB_M, NOW))
                .when(new RecordOutcomeStatement(P, "Second"), by(BOB))
                .expectEvents(new OutcomeStatementRecorded(P, COOP, "Second", BOB_M, NOW));
    }

    @Test
    void anExecutedProposalsAuthorMayStillRecordOne() {
        fixture.given(submitted(null), opened(null), new VotingClosed(P, NOW, Outcome.ACCEPTED, "1/1"), new ProposalExecuted(P, NOW))
                .when(new RecordOutcomeStatement(P, "Done."), by(BOB))
                .expectEvents(new OutcomeStatementRecorded(P, COOP, "Done.", BOB_M, NOW));
    }

    @Test
    void onlyTheAuthorRecordsAnOutcomeStatement() {
        fixture.given(submitted(null), opened(null), closed())
                .when(new RecordOutcomeStatement(P, "Not mine to say"), by(ALICE))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void anOutcomeStatementWaitsForTheVoteToClose() {
        fixture.given(submitted(null)).when(new RecordOutcomeStatement(P, "Too early"), by(BOB))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(submitted(null), opened(null)).when(new RecordOutcomeStatement(P, "Too early"), by(BOB))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void anOutcomeStatementIsOneToFourThousandCharacters() {
        fixture.given(submitted(null), opened(null), closed())
                .when(new RecordOutcomeStatement(P, " \n "), by(BOB)).expectException(field("statement")).expectNoEvents();
        fixture.given(submitted(null), opened(null), closed())
                .when(new RecordOutcomeStatement(P, "x".repeat(4001)), by(BOB)).expectException(field("statement")).expectNoEvents();
        fixture.given(submitted(null), opened(null), closed())
                .when(new RecordOutcomeStatement(P, "x".repeat(4000)), by(BOB))
                .expectEvents(new OutcomeStatementRecorded(P, COOP, "x".repeat(4000), BOB_M, NOW));
    }
}
