package coop.plenum.governance.proposal.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.charter.CharterRules;
import coop.plenum.governance.cooperative.Elector;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.power.AcceptedPoints;
import coop.plenum.governance.proposal.AcceptNomination;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.CandidacyAccepted;
import coop.plenum.governance.proposal.CandidacyWithdrawn;
import coop.plenum.governance.proposal.CandidateNominated;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.governance.proposal.CloseVoting;
import coop.plenum.governance.proposal.ElectionCandidate;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.proposal.NominateCandidate;
import coop.plenum.governance.proposal.OpenVoting;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.ProposalSubmitted;
import coop.plenum.governance.proposal.SubmitProposal;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.proposal.WithdrawCandidacy;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.tally.Outcome;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static coop.plenum.governance.proposal.command.ProposalTest.field;

/**
 * SPEC "Voting methods", ELECTION, in the Proposal aggregate: seats per class on the proposal, candidacies during
 * deliberation, candidates pinned per class at opening, ballots ranking the voter's own class's candidates, and the
 * count per class by Meek STV at closing (not delegable).
 */
class ElectionProposalTest {

    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    private static final CooperativeId COOP = new CooperativeId("coop-1");
    private static final ProposalId P = new ProposalId("p-1");
    private static final AccountId ALICE = new AccountId("acc-alice"); // workers, secretary
    private static final AccountId BOB = new AccountId("acc-bob");     // users
    private static final AccountId DAN = new AccountId("acc-dan");     // workers
    private static final AccountId EVE = new AccountId("acc-eve");     // workers
    private static final MemberId ALICE_M = new MemberId("m-alice");
    private static final MemberId BOB_M = new MemberId("m-bob");
    private static final MemberId DAN_M = new MemberId("m-dan");
    private static final MemberId EVE_M = new MemberId("m-eve");
    private static final BigDecimal ONE = new BigDecimal("1.000000");
    private static final Map<String, Integer> SEATS = Map.of("workers", 1, "users", 1);

    private AggregateTestFixture<Proposal> fixture;
    private final ProposalTest.FakeCooperative coop = new ProposalTest.FakeCooperative();

    @BeforeEach
    void setUp() {
        coop.electorate = List.of(new Elector(ALICE_M, ALICE, "workers"), new Elector(BOB_M, BOB, "users"),
                new Elector(DAN_M, DAN, "workers"), new Elector(EVE_M, EVE, "workers"));
        fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((coop.plenum.governance.cooperative.CooperativeFactsSource) id -> coop);
        fixture.registerInjectableResource((AcceptedPoints) (c, m, asOf, from) -> BigDecimal.ZERO);
        fixture.registerInjectableResource(new coop.plenum.governance.proposal.secret.InMemorySecretBallotKeys());
    }

    private static Map<String, ?> by(AccountId actor) {
        return Map.of("actor", actor.value());
    }

    private static SubmitProposal submit(VoteMethod method, Map<String, Integer> seats) {
        return new SubmitProposal(P, COOP, "Board 2026", "", "energy", ProposalKind.GENERAL, null, null, null, method,
                null, null, seats, null);
    }

    private static ProposalSubmitted submitted() {
        return new ProposalSubmitted(P, COOP, ALICE_M, ALICE, "Board 2026", "", "energy", ProposalKind.GENERAL, null,
                null, null, NOW, VoteMethod.ELECTION, null, null, new java.util.TreeMap<>(SEATS), null);
    }

    private static CandidateNominated nominated(MemberId candidate, String classId, MemberId by) {
        return new CandidateNominated(P, candidate, classId, by, NOW);
    }

    private static CandidacyAccepted accepted(MemberId candidate, String classId) {
        return new CandidacyAccepted(P, candidate, classId, NOW);
    }

    private VotingOpened opened(List<ElectionCandidate> candidates) {
        Charter charter = coop.charterAsOf(NOW);
        return new VotingOpened(P, COOP, "energy", NOW, charter.classes(), charter.decision(), charter.delegation(),
                List.of(new ElectorateMember(ALICE_M, ALICE, "workers", ONE), new ElectorateMember(BOB_M, BOB, "users", ONE),
                        new ElectorateMember(DAN_M, DAN, "workers", ONE), new ElectorateMember(EVE_M, EVE, "workers", ONE)),
                VoteMethod.ELECTION, null, null, new java.util.TreeMap<>(SEATS), candidates, null);
    }

    private static final List<ElectionCandidate> STANDING = List.of(new ElectionCandidate(DAN_M, "workers"),
            new ElectionCandidate(EVE_M, "workers"), new ElectionCandidate(BOB_M, "users"));

    private static CastBallot ranking(MemberId member, String... candidates) {
        return new CastBallot(P, member, null, null, null, null, null,
                java.util.Arrays.stream(candidates).map(List::of).toList());
    }

    private static BallotCast ranked(MemberId member, String... candidates) {
        return new BallotCast(P, member, null, NOW, null, null, null, null,
                java.util.Arrays.stream(candidates).map(List::of).toList());
    }

    private static Matcher<Object> code(Class<?> type, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return type.isInstance(item) && ((coop.plenum.kernel.RuleViolation) item).code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName() + " " + code);
            }
        };
    }

    // ---- seats ---------------------------------------------------------------------------------------------------

    @Test
    void anElectionRecordsItsSeatsPerClass() {
        fixture.givenNoPriorActivity().when(submit(VoteMethod.ELECTION, SEATS), by(ALICE)).expectEvents(submitted());
    }

    @Test
    void anElectionNeedsOneToFiftySeatsForSomeOfTheChartersClasses() {
        fixture.givenNoPriorActivity().when(submit(VoteMethod.ELECTION, null), by(ALICE)).expectException(field("seats")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(VoteMethod.ELECTION, Map.of("workers", 0)), by(ALICE))
                .expectException(field("seats.workers")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(VoteMethod.ELECTION, Map.of("workers", 51)), by(ALICE))
                .expectException(field("seats.workers")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(VoteMethod.ELECTION, Map.of("board-watchers", 1)), by(ALICE))
                .expectException(field("seats.board-watchers")).expectNoEvents();
    }

    @Test
    void anElectionWithoutSeatsTakesTheChartersSeatsInForceAtSubmission() {
        coop.charter = charterWithSeats(Map.of("workers", 1, "users", 1));
        fixture.givenNoPriorActivity().when(submit(VoteMethod.ELECTION, null), by(ALICE)).expectEvents(submitted());
        fixture.givenNoPriorActivity().when(submit(VoteMethod.ELECTION, Map.of()), by(ALICE)).expectEvents(submitted());
    }

    @Test
    void seatsOnTheProposalOverrideTheChartersSeats() {
        coop.charter = charterWithSeats(Map.of("workers", 3, "users", 2));
        fixture.givenNoPriorActivity().when(submit(VoteMethod.ELECTION, SEATS), by(ALICE)).expectEvents(submitted());
    }

    @Test
    void anElectionWithoutSeatsUnderACharterWithoutSeatsIsRefusedNamingSeats() {
        coop.charter = ProposalTest.CHARTER;
        fixture.givenNoPriorActivity().when(submit(VoteMethod.ELECTION, null), by(ALICE))
                .expectException(fieldWithCode("seats", "proposal.seats-missing")).expectNoEvents();
    }

    private static Charter charterWithSeats(Map<String, Integer> seats) {
        Charter c = ProposalTest.CHARTER;
        return CharterRules.complete(new Charter(c.classes(), c.topics(), c.decision(),
                c.votingPower(), c.delegation(), c.admission(), c.ledger(), c.secretPeopleVotes(), seats));
    }

    private static Matcher<Object> fieldWithCode(String field, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof coop.plenum.kernel.InvalidInput invalid && invalid.violations().stream()
                        .anyMatch(v -> v.field().equals(field) && v.code().equals(code));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidInput naming " + field + " with " + code);
            }
        };
    }

    @Test
    void onlyAnElectionHasSeats() {
        fixture.givenNoPriorActivity().when(submit(VoteMethod.YES_NO, SEATS), by(ALICE)).expectException(field("seats")).expectNoEvents();
    }

    // ---- candidacies -----------------------------------------------------------------------------------------------

    @Test
    void aMemberWhoNominatesThemselvesStandsAtOnceForTheirOwnClass() {
        fixture.given(submitted()).when(new NominateCandidate(P, DAN_M), by(DAN))
                .expectEvents(nominated(DAN_M, "workers", DAN_M), accepted(DAN_M, "workers"));
    }

    @Test
    void aMemberNominatedByAnotherStandsOnceTheyAccept() {
        fixture.given(submitted()).when(new NominateCandidate(P, DAN_M), by(ALICE))
                .expectEvents(nominated(DAN_M, "workers", ALICE_M));
        fixture.given(submitted(), nominated(DAN_M, "workers", ALICE_M)).when(new AcceptNomination(P, DAN_M), by(DAN))
                .expectEvents(accepted(DAN_M, "workers"));
    }

    @Test
    void onlyTheNomineeAcceptsOrWithdraws() {
        fixture.given(submitted(), nominated(DAN_M, "workers", ALICE_M)).when(new AcceptNomination(P, DAN_M), by(ALICE))
                .expectException(NotAllowed.class).expectNoEvents();
        fixture.given(submitted(), nominated(DAN_M, "workers", ALICE_M)).when(new WithdrawCandidacy(P, DAN_M), by(EVE))
                .expectException(NotAllowed.class).expectNoEvents();
        fixture.given(submitted()).when(new AcceptNomination(P, DAN_M), by(DAN))
                .expectException(code(StateConflict.class, "candidacy.not-nominated")).expectNoEvents();
    }

    @Test
    void aCandidateWithdrawsAndMayBeNominatedAgain() {
        fixture.given(submitted(), nominated(DAN_M, "workers", DAN_M), accepted(DAN_M, "workers"))
                .when(new WithdrawCandidacy(P, DAN_M), by(DAN)).expectEvents(new CandidacyWithdrawn(P, DAN_M, NOW));
        fixture.given(submitted(), nominated(DAN_M, "workers", DAN_M), accepted(DAN_M, "workers"),
                        new CandidacyWithdrawn(P, DAN_M, NOW))
                .when(new NominateCandidate(P, DAN_M), by(DAN))
                .expectEvents(nominated(DAN_M, "workers", DAN_M), accepted(DAN_M, "workers"));
    }

    @Test
    void aMemberIsNominatedOnce() {
        fixture.given(submitted(), nominated(DAN_M, "workers", ALICE_M)).when(new NominateCandidate(P, DAN_M), by(EVE))
                .expectException(code(StateConflict.class, "candidacy.already-nominated")).expectNoEvents();
        fixture.given(submitted(), nominated(DAN_M, "workers", DAN_M), accepted(DAN_M, "workers"))
                .when(new AcceptNomination(P, DAN_M), by(DAN))
                .expectException(code(StateConflict.class, "candidacy.already-accepted")).expectNoEvents();
    }

    @Test
    void onlyActiveMembersNominateAndStand() {
        fixture.given(submitted()).when(new NominateCandidate(P, new MemberId("m-nobody")), by(ALICE))
                .expectException(code(StateConflict.class, "candidacy.not-active")).expectNoEvents();
        fixture.given(submitted()).when(new NominateCandidate(P, DAN_M), by(new AccountId("acc-stranger")))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void aCandidateStandsOnlyForAClassWithSeats() {
        fixture.given(new ProposalSubmitted(P, COOP, ALICE_M, ALICE, "Board 2026", "", "energy", ProposalKind.GENERAL, null,
                        null, null, NOW, VoteMethod.ELECTION, null, null, Map.of("workers", 2), null))
                .when(new NominateCandidate(P, BOB_M), by(BOB))
                .expectException(code(StateConflict.class, "candidacy.class-without-seats")).expectNoEvents();
    }

    @Test
    void candidaciesAreTakenOnlyDuringDeliberationOfAnElection() {
        fixture.given(submitted(), opened(STANDING)).when(new NominateCandidate(P, ALICE_M), by(ALICE))
                .expectException(code(StateConflict.class, "proposal.wrong-state")).expectNoEvents();
        fixture.given(new ProposalSubmitted(P, COOP, ALICE_M, ALICE, "Yes or no", "", "energy", ProposalKind.GENERAL, null,
                        null, null, NOW)).when(new NominateCandidate(P, ALICE_M), by(ALICE))
                .expectException(code(StateConflict.class, "candidacy.not-an-election")).expectNoEvents();
    }

    // ---- opening -------------------------------------------------------------------------------------------------

    @Test
    void votingOpensWithTheAcceptedCandidatesPinnedPerClass() {
        fixture.given(submitted(), nominated(DAN_M, "workers", DAN_M), accepted(DAN_M, "workers"),
                        nominated(ALICE_M, "workers", BOB_M), // never accepted: does not stand
                        nominated(EVE_M, "workers", EVE_M), accepted(EVE_M, "workers"),
                        nominated(BOB_M, "users", BOB_M), accepted(BOB_M, "users"))
                .when(new OpenVoting(P), by(ALICE)).expectEvents(opened(STANDING));
    }

    @Test
    void aCandidateStandsForTheOneClassTheyAreInWhenVotingOpens() {
        // SPEC: "each candidate stands for one class". Dan was nominated as a worker and moved to the users before the
        // opening: he stands for the users only (not for both, not for the workers), and only a user ranks him
        coop.electorate = List.of(new Elector(ALICE_M, ALICE, "workers"), new Elector(BOB_M, BOB, "users"),
                new Elector(DAN_M, DAN, "users"), new Elector(EVE_M, EVE, "workers"));
        List<ElectorateMember> danAUser = List.of(new ElectorateMember(ALICE_M, ALICE, "workers", ONE),
                new ElectorateMember(BOB_M, BOB, "users", ONE), new ElectorateMember(DAN_M, DAN, "users", ONE),
                new ElectorateMember(EVE_M, EVE, "workers", ONE));
        List<ElectionCandidate> danForTheUsers = List.of(new ElectionCandidate(DAN_M, "users"),
                new ElectionCandidate(EVE_M, "workers"));
        fixture.given(submitted(), nominated(DAN_M, "workers", DAN_M), accepted(DAN_M, "workers"),
                        nominated(EVE_M, "workers", EVE_M), accepted(EVE_M, "workers"))
                .when(new OpenVoting(P), by(ALICE)).expectEvents(opened(danAUser, SEATS, danForTheUsers));
        fixture.given(submitted(), opened(danAUser, SEATS, danForTheUsers)).when(ranking(ALICE_M, "m-dan"), by(ALICE))
                .expectException(field("ranking")).expectNoEvents();
        fixture.given(submitted(), opened(danAUser, SEATS, danForTheUsers)).when(ranking(BOB_M, "m-dan"), by(BOB))
                .expectEvents(ranked(BOB_M, "m-dan"));

        // moved to a class without seats in this election, he no longer stands at all
        Map<String, Integer> workersOnly = Map.of("workers", 1);
        fixture.given(new ProposalSubmitted(P, COOP, ALICE_M, ALICE, "Board 2026", "", "energy", ProposalKind.GENERAL, null,
                                null, null, NOW, VoteMethod.ELECTION, null, null, new java.util.TreeMap<>(workersOnly), null),
                        nominated(DAN_M, "workers", DAN_M), accepted(DAN_M, "workers"))
                .when(new OpenVoting(P), by(ALICE)).expectEvents(opened(danAUser, workersOnly, List.of()));
    }

    private VotingOpened opened(List<ElectorateMember> electorate, Map<String, Integer> seats, List<ElectionCandidate> candidates) {
        Charter charter = coop.charterAsOf(NOW);
        return new VotingOpened(P, COOP, "energy", NOW, charter.classes(), charter.decision(), charter.delegation(),
                electorate, VoteMethod.ELECTION, null, null, new java.util.TreeMap<>(seats), candidates, null);
    }

    // ---- ballots -------------------------------------------------------------------------------------------------

    @Test
    void aBallotRanksOnlyTheCandidatesOfTheVotersOwnClass() {
        fixture.given(submitted(), opened(STANDING)).when(ranking(ALICE_M, "m-eve", "m-dan"), by(ALICE))
                .expectEvents(ranked(ALICE_M, "m-eve", "m-dan"));
        fixture.given(submitted(), opened(STANDING)).when(ranking(ALICE_M, "m-eve", "m-bob"), by(ALICE))
                .expectException(field("ranking")).expectNoEvents();
        fixture.given(submitted(), opened(STANDING)).when(ranking(BOB_M, "m-dan"), by(BOB))
                .expectException(field("ranking")).expectNoEvents();
    }

    @Test
    void anElectionBallotRanksOneCandidatePerPlaceAndEachOnce() {
        fixture.given(submitted(), opened(STANDING))
                .when(new CastBallot(P, ALICE_M, null, null, null, null, null, List.of(List.of("m-eve", "m-dan"))), by(ALICE))
                .expectException(field("ranking")).expectNoEvents();
        fixture.given(submitted(), opened(STANDING)).when(ranking(ALICE_M, "m-eve", "m-eve"), by(ALICE))
                .expectException(field("ranking")).expectNoEvents();
        fixture.given(submitted(), opened(STANDING)).when(new CastBallot(P, ALICE_M, Choice.YES), by(ALICE))
                .expectException(field("ranking")).expectNoEvents();
    }

    // ---- closing -------------------------------------------------------------------------------------------------

    @Test
    void closingElectsEachClassesSeatsByMeekStv() {
        // workers: 2 × Eve first, Dan's own ballot for Dan: Eve (2 of 3) beats the quota 3/2; users: Bob for Bob
        fixture.given(submitted(), opened(STANDING), ranked(ALICE_M, "m-eve", "m-dan"), ranked(EVE_M, "m-eve"),
                        ranked(DAN_M, "m-dan", "m-eve"), ranked(BOB_M, "m-bob"))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(new VotingClosed(P, NOW, Outcome.ACCEPTED, null, List.of("m-eve", "m-bob")));
    }

    @Test
    void aClassMissingItsQuorumLeavesTheElectionWithoutQuorumAndNobodyElected() {
        // users' quorum is 20 %: Bob did not vote
        fixture.given(submitted(), opened(STANDING), ranked(ALICE_M, "m-eve", "m-dan"), ranked(EVE_M, "m-eve"))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(new VotingClosed(P, NOW, Outcome.NO_QUORUM, null, List.of()));
    }

    @Test
    void anElectionIsNotDelegable() {
        // Dan delegated to Eve and did not vote: counted, Eve would have 2 to Dan's 1. Not delegable: closing freezes
        // no delegations, Dan's power is not counted, Dan and Eve tie and the later in the list (Eve) is excluded
        coop.delegations = new coop.plenum.governance.voting.Delegations(Map.of(DAN_M, Map.of("energy", EVE_M)));
        fixture.given(submitted(), opened(STANDING), ranked(ALICE_M, "m-dan"), ranked(EVE_M, "m-eve"), ranked(BOB_M, "m-bob"))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(new VotingClosed(P, NOW, Outcome.ACCEPTED, null, List.of("m-dan", "m-bob")));
    }

    @Test
    void theElectionsStateSurvivesASnapshot() {
        Proposal proposal = new Proposal();
        proposal.on(submitted());
        proposal.on(nominated(DAN_M, "workers", ALICE_M));
        proposal.on(nominated(EVE_M, "workers", EVE_M));
        proposal.on(accepted(EVE_M, "workers"));
        ProposalSnapshot snapshot = proposal.snapshot();
        Proposal restored = new Proposal();
        restored.on(snapshot);
        org.junit.jupiter.api.Assertions.assertEquals(snapshot, restored.snapshot());
        org.junit.jupiter.api.Assertions.assertEquals(2, snapshot.candidacies().size());
        org.junit.jupiter.api.Assertions.assertEquals(SEATS, snapshot.seats());
    }
}
