package coop.plenum.governance.proposal.command;

import coop.plenum.governance.proposal.DelegationsFrozen;
import coop.plenum.governance.voting.Delegations;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.charter.CharterRules;
import coop.plenum.governance.cooperative.CooperativeFacts;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.cooperative.Elector;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberStatus;
import coop.plenum.governance.power.AcceptedPoints;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.BallotRetracted;
import coop.plenum.governance.proposal.BallotOutcome;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.governance.proposal.CastBallots;
import coop.plenum.governance.proposal.CloseVoting;
import coop.plenum.governance.proposal.CommentAdded;
import coop.plenum.governance.proposal.CommentOnProposal;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.proposal.OpenVoting;
import coop.plenum.governance.proposal.ProposalEffect;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.ProposalRevised;
import coop.plenum.governance.proposal.ProposalSubmitted;
import coop.plenum.governance.proposal.ProposalWithdrawn;
import coop.plenum.governance.proposal.RetractBallot;
import coop.plenum.governance.proposal.ReviseProposal;
import coop.plenum.governance.proposal.SubmitProposal;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.proposal.WithdrawProposal;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.StateConflict;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SPEC "Proposals", "Electorate snapshot" and "Ballots", rule by rule, on the Proposal aggregate. */
class ProposalTest {

    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    private static final Instant OPENS = NOW.plus(Duration.ofDays(2));
    private static final Instant CLOSES = NOW.plus(Duration.ofDays(9));
    private static final CooperativeId COOP = new CooperativeId("coop-1");
    private static final ProposalId P = new ProposalId("p-1");
    private static final AccountId ALICE = new AccountId("acc-alice"); // member (workers), secretary
    private static final AccountId BOB = new AccountId("acc-bob");     // member (users)
    private static final AccountId CARA = new AccountId("acc-cara");   // applicant
    private static final MemberId ALICE_M = new MemberId("m-alice");
    private static final MemberId BOB_M = new MemberId("m-bob");
    private static final MemberId CARA_M = new MemberId("m-cara");
    private static final BigDecimal ONE = new BigDecimal("1.000000");
    static final Charter CHARTER = CharterRules.complete(new Charter(List.of(
            new StakeholderClass("workers", "Workers", 60, 50), new StakeholderClass("users", "Users", 40, 20)),
            List.of("energy", "finance"), null, null, null, null, null));

    private AggregateTestFixture<Proposal> fixture;
    private final FakeCooperative coop = new FakeCooperative();

    /** The cooperative as the Proposal aggregate sees it; its electorate can change over time. */
    static final class FakeCooperative implements CooperativeFacts {
        List<Elector> electorate = List.of(new Elector(ALICE_M, ALICE, "workers"), new Elector(BOB_M, BOB, "users"));
        Instant askedAsOf;
        Delegations delegations = Delegations.NONE;
        Instant delegationsAskedAsOf;
        Charter charter = CHARTER;

        @Override
        public Delegations delegationsAsOf(Instant instant) {
            delegationsAskedAsOf = instant;
            return delegations;
        }

        @Override
        public CooperativeId cooperativeId() {
            return COOP;
        }

        @Override
        public Charter charterAsOf(Instant instant) {
            return charter;
        }

        @Override
        public Optional<MemberId> activeMembershipOf(AccountId accountId) {
            return electorate.stream().filter(e -> e.accountId().equals(accountId)).map(Elector::memberId).findFirst();
        }

        @Override
        public boolean isSecretary(AccountId accountId) {
            return ALICE.equals(accountId);
        }

        @Override
        public Optional<MemberStatus> statusOf(MemberId memberId) {
            if (CARA_M.equals(memberId)) {
                return Optional.of(MemberStatus.APPLIED);
            }
            return electorate.stream().anyMatch(e -> e.memberId().equals(memberId)) ? Optional.of(MemberStatus.ACTIVE) : Optional.empty();
        }

        @Override
        public List<Elector> electorateAsOf(Instant instant) {
            askedAsOf = instant;
            return electorate;
        }

        @Override
        public Charter charterInForce() {
            return CHARTER;
        }

        @Override
        public Optional<AccountId> accountOf(MemberId memberId) {
            if (CARA_M.equals(memberId)) {
                return Optional.of(CARA);
            }
            return electorate.stream().filter(e -> e.memberId().equals(memberId)).map(Elector::accountId).findFirst();
        }

        @Override
        public List<coop.plenum.governance.voting.DelegationTimeline.Change> delegationsInTheCooperativeStream() {
            return List.of();
        }
    }

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

    private static SubmitProposal general(Instant opens, Instant closes) {
        return new SubmitProposal(P, COOP, "Install solar panels", "On the depot roof.", "energy", ProposalKind.GENERAL,
                null, opens, closes);
    }

    private static ProposalSubmitted submitted(Instant opens, Instant closes) {
        return new ProposalSubmitted(P, COOP, ALICE_M, ALICE, "Install solar panels", "On the depot roof.", "energy",
                ProposalKind.GENERAL, null, opens, closes, NOW);
    }

    private static VotingOpened opened() {
        return new VotingOpened(P, COOP, "energy", NOW, CHARTER.classes(), CHARTER.decision(), CHARTER.delegation(),
                List.of(new ElectorateMember(ALICE_M, ALICE, "workers", ONE), new ElectorateMember(BOB_M, BOB, "users", ONE)));
    }

    // ---- submitting ----------------------------------------------------------------------------------------

    @Test
    void anActiveMemberSubmitsAProposalForDeliberation() {
        fixture.givenNoPriorActivity().when(general(null, null), by(ALICE))
                .expectEvents(submitted(null, null));
    }

    @Test
    void onlyActiveMembersPropose() {
        fixture.givenNoPriorActivity().when(general(null, null), by(CARA))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void theTopicMustBeOneOfTheCharters() {
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal(P, COOP, "T", "B", "gardening", ProposalKind.GENERAL, null, null, null), by(ALICE))
                .expectException(field("topic")).expectNoEvents();
    }

    @Test
    void aCharterAmendmentCarriesAValidCharter() {
        Charter lopsided = new Charter(List.of(new StakeholderClass("a", "A", 70, 0)), null, null, null, null, null, null);
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal(P, COOP, "Amend", "", "energy", ProposalKind.CHARTER_AMENDMENT,
                        new ProposalEffect(lopsided, null), null, null), by(ALICE))
                .expectException(field("effect.charter.classes")).expectNoEvents();
    }

    @Test
    void anAdmissionNamesAnApplicantAndAnExpulsionAMember() {
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal(P, COOP, "Admit Bob", "", "energy", ProposalKind.ADMISSION,
                        new ProposalEffect(null, BOB_M), null, null), by(ALICE))
                .expectException(field("effect.memberId")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal(P, COOP, "Admit Cara", "", "energy", ProposalKind.ADMISSION,
                        new ProposalEffect(null, CARA_M), null, null), by(ALICE))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal(P, COOP, "Expel Cara", "", "energy", ProposalKind.EXPULSION,
                        new ProposalEffect(null, CARA_M), null, null), by(ALICE))
                .expectException(field("effect.memberId")).expectNoEvents();
    }

    @Test
    void aScheduleLiesAheadAndClosesAfterItOpens() {
        fixture.givenNoPriorActivity().when(general(NOW.minusSeconds(1), null), by(ALICE))
                .expectException(field("votingOpensAt")).expectNoEvents();
        fixture.givenNoPriorActivity().when(general(OPENS, OPENS), by(ALICE))
                .expectException(field("votingClosesAt")).expectNoEvents();
    }

    @Test
    void aScheduleBeyondTheYear9999IsRefusedByTheAggregateItself() {
        fixture.givenNoPriorActivity().when(general(Instant.parse("+294277-01-01T00:00:00Z"), null), by(ALICE))
                .expectException(field("votingOpensAt")).expectNoEvents();
        fixture.givenNoPriorActivity().when(general(OPENS, Instant.parse("+10000-01-01T00:00:00Z")), by(ALICE))
                .expectException(field("votingClosesAt")).expectNoEvents();
    }

    @Test
    void anAmendmentWhoseRateCouldNotBeReadBackIsRefusedByTheAggregateItself() {
        Charter poison = new Charter(CHARTER.classes(), null, null, null, null, null,
                new coop.plenum.governance.charter.LedgerRule(Map.of("WORK_HOURS", new BigDecimal("1E+1000")), 2));
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal(P, COOP, "Amend", "", "energy", ProposalKind.CHARTER_AMENDMENT,
                        new ProposalEffect(poison, null), null, null), by(ALICE))
                .expectException(field("effect.charter.ledger.rates.WORK_HOURS")).expectNoEvents();
    }

    @Test
    void titlesBodiesAndCommentsWithControlCharactersAreRefusedByTheAggregateItself() {
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal(P, COOP, "Solar\u0000", "", "energy", ProposalKind.GENERAL, null, null, null), by(ALICE))
                .expectException(field("title")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal(P, COOP, "Solar", "a\u0000b", "energy", ProposalKind.GENERAL, null, null, null), by(ALICE))
                .expectException(field("body")).expectNoEvents();
        fixture.given(submitted(null, null)).when(new ReviseProposal(P, "Solar\u0007", "x"), by(ALICE))
                .expectException(field("title")).expectNoEvents();
        fixture.given(submitted(null, null)).when(new CommentOnProposal(P, "c-1", "fine\u0000"), by(BOB))
                .expectException(field("text")).expectNoEvents();
        fixture.given(submitted(null, null)).when(new CommentOnProposal(P, "c-1", "line one\nline two"), by(BOB))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aScheduledProposalSetsDeadlinesForOpeningAndClosing() {
        fixture.givenNoPriorActivity().when(general(OPENS, CLOSES), by(ALICE))
                .expectEvents(submitted(OPENS, CLOSES))
                .expectScheduledDeadlineWithName(OPENS, Proposal.VOTING_OPENS)
                .expectScheduledDeadlineWithName(CLOSES, Proposal.VOTING_CLOSES);
    }

    // ---- deliberation --------------------------------------------------------------------------------------

    @Test
    void theAuthorRevisesDuringDeliberationAndEveryEditIsANewRevision() {
        fixture.given(submitted(null, null), new ProposalRevised(P, 2, "Solar", "v2", NOW))
                .when(new ReviseProposal(P, "Solar panels", "v3"), by(ALICE))
                .expectEvents(new ProposalRevised(P, 3, "Solar panels", "v3", NOW));
    }

    @Test
    void onlyTheAuthorRevisesAndOnlyDuringDeliberation() {
        fixture.given(submitted(null, null)).when(new ReviseProposal(P, "Mine now", "x"), by(BOB))
                .expectException(NotAllowed.class).expectNoEvents();
        fixture.given(submitted(null, null), opened()).when(new ReviseProposal(P, "Late", "x"), by(ALICE))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void membersCommentDuringDeliberationAndVotingButNotAfter() {
        fixture.given(submitted(null, null)).when(new CommentOnProposal(P, "c-1", " Good idea "), by(BOB))
                .expectEvents(new CommentAdded(P, "c-1", BOB_M, "Good idea", NOW));
        fixture.given(submitted(null, null), opened()).when(new CommentOnProposal(P, "c-2", "Still good"), by(BOB))
                .expectSuccessfulHandlerExecution();
        fixture.given(submitted(null, null), opened(), new VotingClosed(P, NOW, Outcome.REJECTED, null))
                .when(new CommentOnProposal(P, "c-3", "Too late"), by(BOB))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void aReplyNamesTheCommentOnThisProposalItAnswers() {
        fixture.given(submitted(null, null), new CommentAdded(P, "c-1", ALICE_M, "Panels?", NOW))
                .when(new CommentOnProposal(P, "c-2", "Yes, panels.", "c-1"), by(BOB))
                .expectEvents(new CommentAdded(P, "c-2", BOB_M, "Yes, panels.", NOW, "c-1"));
        // a reply to a reply is a reply too: nesting is bounded only where it is shown
        fixture.given(submitted(null, null), new CommentAdded(P, "c-1", ALICE_M, "Panels?", NOW),
                        new CommentAdded(P, "c-2", BOB_M, "Yes.", NOW, "c-1"))
                .when(new CommentOnProposal(P, "c-3", "Which?", "c-2"), by(ALICE))
                .expectEvents(new CommentAdded(P, "c-3", ALICE_M, "Which?", NOW, "c-2"));
    }

    @Test
    void aReplyToACommentThatIsNotOnThisProposalIsRefusedNamingReplyTo() {
        fixture.given(submitted(null, null), new CommentAdded(P, "c-1", ALICE_M, "Panels?", NOW))
                .when(new CommentOnProposal(P, "c-elsewhere", "Yes.", "c-0"), by(BOB))
                .expectException(field("replyTo")).expectNoEvents();
        fixture.given(submitted(null, null))
                .when(new CommentOnProposal(P, "c-2", "Yes.", "not an id!"), by(BOB))
                .expectException(field("replyTo")).expectNoEvents();
    }

    @Test
    void theAuthorWithdrawsDuringDeliberationAndTheScheduleIsCancelled() {
        fixture.given(submitted(OPENS, CLOSES)).when(new WithdrawProposal(P), by(ALICE))
                .expectEvents(new ProposalWithdrawn(P, NOW))
                .expectNoScheduledDeadlines();
        fixture.given(submitted(null, null), opened()).when(new WithdrawProposal(P), by(ALICE))
                .expectException(StateConflict.class).expectNoEvents();
    }

    // ---- opening and the electorate --------------------------------------------------------------------------

    @Test
    void aSecretaryOpensAnUnscheduledVoteAndTheElectorateIsFrozenThen() {
        fixture.given(submitted(null, null)).when(new OpenVoting(P), by(ALICE))
                .expectEvents(opened());
    }

    @Test
    void onlySecretariesOpenVotes() {
        fixture.given(submitted(null, null)).when(new OpenVoting(P), by(BOB))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void openingTwiceIsAConflictAndAScheduledVoteCannotBeOpenedByHand() {
        fixture.given(submitted(null, null), opened()).when(new OpenVoting(P), by(ALICE))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(submitted(OPENS, CLOSES)).when(new OpenVoting(P), by(ALICE))
                .expectException(StateConflict.class).expectNoEvents();
    }

    private org.axonframework.test.aggregate.TestExecutor<Proposal> givenScheduledSubmission() {
        return fixture.givenCurrentTime(NOW).andGivenCommands(
                org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(general(OPENS, CLOSES)).andMetaData(by(ALICE)));
    }

    @Test
    void aScheduledVoteOpensAtItsInstantWithTheElectorateAsOfThatInstant() {
        givenScheduledSubmission()
                .whenThenTimeAdvancesTo(OPENS.plusSeconds(3))
                .expectTriggeredDeadlinesWithName(Proposal.VOTING_OPENS)
                .expectEvents(new VotingOpened(P, COOP, "energy", OPENS, CHARTER.classes(), CHARTER.decision(),
                        CHARTER.delegation(), List.of(new ElectorateMember(ALICE_M, ALICE, "workers", ONE),
                        new ElectorateMember(BOB_M, BOB, "users", ONE))));
        org.assertj.core.api.Assertions.assertThat(coop.askedAsOf).isEqualTo(OPENS);
    }

    // ---- ballots -------------------------------------------------------------------------------------------

    @Test
    void anElectorateMemberCastsRecastsAndRetractsWhileVotingIsOpen() {
        fixture.given(submitted(null, null), opened()).when(new CastBallot(P, BOB_M, Choice.YES), by(BOB))
                .expectEvents(new BallotCast(P, BOB_M, Choice.YES, NOW));
        fixture.given(submitted(null, null), opened(), new BallotCast(P, BOB_M, Choice.YES, NOW))
                .when(new CastBallot(P, BOB_M, Choice.NO), by(BOB))
                .expectEvents(new BallotCast(P, BOB_M, Choice.NO, NOW));
        fixture.given(submitted(null, null), opened(), new BallotCast(P, BOB_M, Choice.YES, NOW))
                .when(new RetractBallot(P, BOB_M), by(BOB))
                .expectEvents(new BallotRetracted(P, BOB_M, NOW));
    }

    @Test
    void castingABallotAnswersTheSequenceNumberItsBallotCastTookSoAReceiptCanNameThatEvent() {
        // given: ProposalSubmitted (0), VotingOpened (1), an earlier ballot (2); the recast is event 3
        fixture.given(submitted(null, null), opened(), new BallotCast(P, BOB_M, Choice.YES, NOW))
                .when(new CastBallot(P, BOB_M, Choice.NO), by(BOB))
                .expectEvents(new BallotCast(P, BOB_M, Choice.NO, NOW))
                .expectResultMessagePayload(new coop.plenum.governance.proposal.BallotRecorded(P, 3));
    }

    // ---- group commit ------------------------------------------------------------------------------------

    @Test
    void ballotsRecordedTogetherAreEachDecidedAloneAndARefusedOneDoesNotHoldBackTheOthers() {
        fixture.given(submitted(null, null), opened())
                .when(new CastBallots(P, List.of(
                        new CastBallots.Queued(new CastBallot(P, BOB_M, Choice.YES), BOB.value(), "request-1"),
                        new CastBallots.Queued(new CastBallot(P, CARA_M, Choice.YES), CARA.value(), "request-2"),
                        new CastBallots.Queued(new CastBallot(P, ALICE_M, null), ALICE.value(), "request-3"),
                        new CastBallots.Queued(new CastBallot(P, ALICE_M, Choice.NO), ALICE.value(), "request-4"),
                        new CastBallots.Queued(new CastBallot(P, BOB_M, Choice.NO), ALICE.value(), "request-5"))))
                .expectEvents(new BallotCast(P, BOB_M, Choice.YES, NOW), new BallotCast(P, ALICE_M, Choice.NO, NOW))
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.<Object>allOf(
                        outcomeAt(0, o -> o.recorded() != null && o.recorded().sequenceNumber() == 2),
                        outcomeAt(1, o -> o.refusal() instanceof NotAllowed),           // outside the electorate
                        outcomeAt(2, o -> o.refusal() instanceof InvalidInput),         // no choice
                        outcomeAt(3, o -> o.recorded() != null && o.recorded().sequenceNumber() == 3),
                        outcomeAt(4, o -> o.refusal() instanceof NotAllowed)));         // someone else's ballot
    }

    @Test
    void eachBallotRecordedTogetherNamesItsOwnCasterAndRequestInItsMetadata() {
        fixture.given(submitted(null, null), opened())
                .when(new CastBallots(P, List.of(
                        new CastBallots.Queued(new CastBallot(P, BOB_M, Choice.YES), BOB.value(), "request-bob"),
                        new CastBallots.Queued(new CastBallot(P, ALICE_M, Choice.NO), ALICE.value(), "request-alice"))),
                        Map.of("actor", "system", "correlationId", "the-batch"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        metadataOf(BOB.value(), "request-bob"), metadataOf(ALICE.value(), "request-alice"),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void aBatchOfBallotsIsBoundedAndHoldsOneProposalsBallotsOnly() {
        CastBallots.Queued bob = new CastBallots.Queued(new CastBallot(P, BOB_M, Choice.YES), BOB.value(), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CastBallots(P, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CastBallots(P,
                java.util.Collections.nCopies(CastBallots.MAX_BALLOTS + 1, bob))).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CastBallots(new ProposalId("p-other"), List.of(bob)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static org.hamcrest.Matcher<Object> outcomeAt(int index, java.util.function.Predicate<BallotOutcome> rule) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof List<?> list && list.size() > index && rule.test((BallotOutcome) list.get(index));
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("outcome " + index + " as expected");
            }
        };
    }

    private static org.hamcrest.Matcher<org.axonframework.eventhandling.EventMessage<?>> metadataOf(String actor, String correlation) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(org.axonframework.eventhandling.EventMessage<?> event) {
                return actor.equals(event.getMetaData().get("actor")) && correlation.equals(event.getMetaData().get("correlationId"));
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("an event by " + actor + " in " + correlation);
            }
        };
    }

    @Test
    void aBallotAtTheScheduledClosingOrLaterIsRefusedEvenBeforeTheClosingDeadlineHasFired() {
        // the deadline closes the vote as of its scheduled instant; it fires a moment later (the scheduler polls)
        fixture.given(submitted(NOW.minusSeconds(60), NOW), opened()).when(new CastBallot(P, BOB_M, Choice.YES), by(BOB))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(submitted(NOW.minusSeconds(60), NOW.plusMillis(1)), opened()).when(new CastBallot(P, BOB_M, Choice.YES), by(BOB))
                .expectEvents(new BallotCast(P, BOB_M, Choice.YES, NOW));
    }

    @Test
    void membersOutsideTheFrozenElectorateCannotVote() {
        fixture.given(submitted(null, null), opened()).when(new CastBallot(P, CARA_M, Choice.YES), by(CARA))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void aMemberCastsOnlyTheirOwnBallot() {
        fixture.given(submitted(null, null), opened()).when(new CastBallot(P, BOB_M, Choice.NO), by(ALICE))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void ballotsOnlyWhileVotingIsOpen() {
        fixture.given(submitted(null, null)).when(new CastBallot(P, BOB_M, Choice.YES), by(BOB))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(submitted(null, null), opened(), new VotingClosed(P, NOW, Outcome.REJECTED, null))
                .when(new CastBallot(P, BOB_M, Choice.YES), by(BOB))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void aBallotNeedsAChoice() {
        fixture.given(submitted(null, null), opened()).when(new CastBallot(P, BOB_M, null), by(BOB))
                .expectException(field("choice")).expectNoEvents();
    }

    // ---- closing -------------------------------------------------------------------------------------------

    @Test
    void closingTalliesTheFrozenElectorateExactly() {
        // workers: 1 YES of 1 (quorum 50% met, approval 1); users: 1 NO of 1 (approval 0): A = 0.6*1 + 0.4*0 = 3/5
        fixture.given(submitted(null, null), opened(), new BallotCast(P, ALICE_M, Choice.YES, NOW),
                        new BallotCast(P, BOB_M, Choice.NO, NOW))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(noDelegations(NOW), new VotingClosed(P, NOW, Outcome.ACCEPTED, "3/5"));
    }

    @Test
    void aVoteWithoutEnoughParticipationClosesWithNoQuorum() {
        fixture.given(submitted(null, null), opened(), new BallotCast(P, ALICE_M, Choice.YES, NOW))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(noDelegations(NOW), new VotingClosed(P, NOW, Outcome.NO_QUORUM, "1/1"));
    }

    private static DelegationsFrozen noDelegations(Instant at) {
        return new DelegationsFrozen(P, at, List.of());
    }

    @Test
    void aMemberWithoutABallotIsCountedWithTheBallotOfTheirDelegateAsOfClosingInTheirOwnClass() {
        // bob (users) delegated to alice (workers) for energy; alice votes YES: users approve 1/1 too
        coop.delegations = new Delegations(Map.of(BOB_M, Map.of("energy", ALICE_M)));
        fixture.given(submitted(null, null), opened(), new BallotCast(P, ALICE_M, Choice.YES, NOW))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(new DelegationsFrozen(P, NOW, List.of(new DelegationsFrozen.Delegation(BOB_M, ALICE_M))),
                        new VotingClosed(P, NOW, Outcome.ACCEPTED, "1/1"));
        org.assertj.core.api.Assertions.assertThat(coop.delegationsAskedAsOf).isEqualTo(NOW);
    }

    @Test
    void aDelegationForAnotherTopicDoesNotCount() {
        // bob's finance delegation does not apply to this energy proposal: the users' class misses its quorum
        coop.delegations = new Delegations(Map.of(BOB_M, Map.of("finance", ALICE_M)));
        fixture.given(submitted(null, null), opened(), new BallotCast(P, ALICE_M, Choice.YES, NOW))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(noDelegations(NOW), new VotingClosed(P, NOW, Outcome.NO_QUORUM, "1/1"));
    }

    @Test
    void closingBeforeOpeningIsAConflictAndOnlySecretariesClose() {
        fixture.given(submitted(null, null)).when(new CloseVoting(P), by(ALICE))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(submitted(null, null), opened()).when(new CloseVoting(P), by(BOB))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void aScheduledVoteClosesAtItsInstantAndTalliesWhatWasCast() {
        // nobody voted: workers missed their 50 % quorum
        givenScheduledSubmission()
                .whenThenTimeAdvancesTo(CLOSES.plusSeconds(1))
                .expectTriggeredDeadlinesWithName(Proposal.VOTING_OPENS, Proposal.VOTING_CLOSES)
                .expectEvents(new VotingOpened(P, COOP, "energy", OPENS, CHARTER.classes(), CHARTER.decision(),
                                CHARTER.delegation(), List.of(new ElectorateMember(ALICE_M, ALICE, "workers", ONE),
                                new ElectorateMember(BOB_M, BOB, "users", ONE))),
                        noDelegations(CLOSES), new VotingClosed(P, CLOSES, Outcome.NO_QUORUM, null));
    }

    @Test
    void onlyAnAcceptedProposalIsExecutedAndOnlyOnce() {
        fixture.given(submitted(null, null), opened(), new VotingClosed(P, NOW, Outcome.ACCEPTED, "1/1"))
                .when(new coop.plenum.governance.proposal.MarkProposalExecuted(P))
                .expectEvents(new coop.plenum.governance.proposal.ProposalExecuted(P, NOW));
        fixture.given(submitted(null, null), opened(), new VotingClosed(P, NOW, Outcome.ACCEPTED, "1/1"),
                        new coop.plenum.governance.proposal.ProposalExecuted(P, NOW))
                .when(new coop.plenum.governance.proposal.MarkProposalExecuted(P))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(submitted(null, null), opened(), new VotingClosed(P, NOW, Outcome.REJECTED, "0/1"))
                .when(new coop.plenum.governance.proposal.MarkProposalExecuted(P))
                .expectException(StateConflict.class).expectNoEvents();
    }

    static Matcher<Object> field(String name) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof InvalidInput invalid && invalid.field().equals(name);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidInput whose first field is " + name);
            }
        };
    }
}
