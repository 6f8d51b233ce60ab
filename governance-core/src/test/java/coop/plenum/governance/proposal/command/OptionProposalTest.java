package coop.plenum.governance.proposal.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.options.ConsentChoice;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.power.AcceptedPoints;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.BallotRetracted;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.governance.proposal.CloseVoting;
import coop.plenum.governance.proposal.DelegationsFrozen;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.proposal.OpenVoting;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.ProposalSubmitted;
import coop.plenum.governance.proposal.SubmitProposal;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.tally.Outcome;
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

/** SPEC "Voting methods" in the Proposal aggregate: APPROVAL and SCORE submitted, pinned, balloted and closed. */
class OptionProposalTest {

    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    private static final CooperativeId COOP = new CooperativeId("coop-1");
    private static final ProposalId P = new ProposalId("p-1");
    private static final AccountId ALICE = new AccountId("acc-alice");
    private static final AccountId BOB = new AccountId("acc-bob");
    private static final MemberId ALICE_M = new MemberId("m-alice");
    private static final MemberId BOB_M = new MemberId("m-bob");
    private static final BigDecimal ONE = new BigDecimal("1.000000");
    private static final List<ProposalOption> OPTIONS = List.of(new ProposalOption("solar", "Solar panels"),
            new ProposalOption("wind", "A small turbine"), new ProposalOption("none", "Neither"));

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

    private static SubmitProposal submit(VoteMethod method, List<ProposalOption> options) {
        return new SubmitProposal(P, COOP, "Which energy?", "", "energy", ProposalKind.GENERAL, null, null, null, method, options);
    }

    private static ProposalSubmitted submitted(VoteMethod method) {
        return new ProposalSubmitted(P, COOP, ALICE_M, ALICE, "Which energy?", "", "energy", ProposalKind.GENERAL, null,
                null, null, NOW, method, OPTIONS);
    }

    private VotingOpened opened(VoteMethod method) {
        Charter charter = coop.charterAsOf(NOW);
        return new VotingOpened(P, COOP, "energy", NOW, charter.classes(), charter.decision(), charter.delegation(),
                List.of(new ElectorateMember(ALICE_M, ALICE, "workers", ONE), new ElectorateMember(BOB_M, BOB, "users", ONE)),
                method, OPTIONS);
    }

    private static CastBallot approve(MemberId member, List<String> options) {
        return new CastBallot(P, member, null, options, null, null);
    }

    private static BallotCast approved(MemberId member, List<String> options) {
        return new BallotCast(P, member, null, NOW, options, null, null);
    }

    @Test
    void anApprovalProposalRecordsItsMethodAndOptions() {
        fixture.givenNoPriorActivity().when(submit(VoteMethod.APPROVAL, OPTIONS), by(ALICE))
                .expectEvents(submitted(VoteMethod.APPROVAL));
    }

    @Test
    void anOptionMethodNeedsTwoToFiftyOptionsWithUniqueIds() {
        fixture.givenNoPriorActivity().when(submit(VoteMethod.APPROVAL, List.of(OPTIONS.get(0))), by(ALICE))
                .expectException(field("options")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(VoteMethod.SCORE, List.of(OPTIONS.get(0), new ProposalOption("solar", "Again"))), by(ALICE))
                .expectException(field("options[1].id")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(VoteMethod.SCORE, List.of(OPTIONS.get(0), new ProposalOption("b", " "))), by(ALICE))
                .expectException(field("options[1].label")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(null, OPTIONS), by(ALICE))
                .expectException(field("options")).expectNoEvents();
    }

    @Test
    void onlyGeneralProposalsChooseBetweenOptions() {
        fixture.givenNoPriorActivity().when(new SubmitProposal(P, COOP, "Admit Cara", "", "energy", ProposalKind.ADMISSION,
                        null, null, null, VoteMethod.APPROVAL, OPTIONS), by(ALICE))
                .expectException(field("method")).expectNoEvents();
    }

    @Test
    void theMethodAndOptionsArePinnedWhenVotingOpens() {
        fixture.given(submitted(VoteMethod.APPROVAL)).when(new OpenVoting(P), by(ALICE))
                .expectEvents(opened(VoteMethod.APPROVAL));
    }

    @Test
    void aBallotMustBeTheBodyOfTheProposalsMethod() {
        fixture.given(submitted(VoteMethod.APPROVAL), opened(VoteMethod.APPROVAL))
                .when(new CastBallot(P, BOB_M, Choice.YES), by(BOB)).expectException(field("approve")).expectNoEvents();
        fixture.given(submitted(VoteMethod.APPROVAL), opened(VoteMethod.APPROVAL))
                .when(approve(BOB_M, List.of("solar", "coal")), by(BOB)).expectException(field("approve")).expectNoEvents();
        fixture.given(submitted(VoteMethod.APPROVAL), opened(VoteMethod.APPROVAL))
                .when(approve(BOB_M, List.of("solar", "solar")), by(BOB)).expectException(field("approve")).expectNoEvents();
        fixture.given(submitted(VoteMethod.SCORE), opened(VoteMethod.SCORE))
                .when(new CastBallot(P, BOB_M, null, null, Map.of("solar", 6), null), by(BOB))
                .expectException(field("scores.solar")).expectNoEvents();
        fixture.given(submitted(VoteMethod.SCORE), opened(VoteMethod.SCORE))
                .when(new CastBallot(P, BOB_M, null, List.of("solar"), Map.of("solar", 3), null), by(BOB))
                .expectException(field("approve")).expectNoEvents();
    }

    @Test
    void aReasonMayAccompanyABallotWithinItsBound() {
        fixture.given(submitted(VoteMethod.SCORE), opened(VoteMethod.SCORE))
                .when(new CastBallot(P, BOB_M, null, null, Map.of("wind", 4), "  the roof faces north  "), by(BOB))
                .expectEvents(new BallotCast(P, BOB_M, null, NOW, null, new java.util.TreeMap<>(Map.of("wind", 4)), "the roof faces north"));
        fixture.given(submitted(VoteMethod.SCORE), opened(VoteMethod.SCORE))
                .when(new CastBallot(P, BOB_M, null, null, Map.of("wind", 4), "x".repeat(2001)), by(BOB))
                .expectException(field("reason")).expectNoEvents();
    }

    @Test
    void closingAnApprovalVoteNamesTheWinnerWithItsExactCombinedShare() {
        // workers (60): alice approves solar and wind; users (40): bob approves wind. wind: 60·1 + 40·1; solar: 60·1
        fixture.given(submitted(VoteMethod.APPROVAL), opened(VoteMethod.APPROVAL),
                        approved(ALICE_M, List.of("solar", "wind")), approved(BOB_M, List.of("wind")))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(new DelegationsFrozen(P, NOW, List.of()),
                        new VotingClosed(P, NOW, Outcome.ACCEPTED, "1/1", List.of("wind")));
    }

    @Test
    void equalHighestScoresCloseAsATieNamingEveryWinner() {
        fixture.given(submitted(VoteMethod.SCORE), opened(VoteMethod.SCORE),
                        new BallotCast(P, ALICE_M, null, NOW, null, Map.of("solar", 5, "wind", 5), null),
                        new BallotCast(P, BOB_M, null, NOW, null, Map.of("solar", 2, "wind", 2, "none", 1), null))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(new DelegationsFrozen(P, NOW, List.of()),
                        new VotingClosed(P, NOW, Outcome.TIE, "19/25", List.of("solar", "wind")));
    }

    @Test
    void aDelegatorIsCountedWithTheDelegatesOptionBallotInTheirOwnClass() {
        coop.delegations = new coop.plenum.governance.voting.Delegations(Map.of(BOB_M, Map.of("energy", ALICE_M)));
        fixture.given(submitted(VoteMethod.APPROVAL), opened(VoteMethod.APPROVAL), approved(ALICE_M, List.of("solar")))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(new DelegationsFrozen(P, NOW, List.of(new DelegationsFrozen.Delegation(BOB_M, ALICE_M))),
                        new VotingClosed(P, NOW, Outcome.ACCEPTED, "1/1", List.of("solar")));
    }

    @Test
    void aRetractedOptionBallotNoLongerCounts() {
        fixture.given(submitted(VoteMethod.APPROVAL), opened(VoteMethod.APPROVAL), approved(ALICE_M, List.of("solar")),
                        approved(BOB_M, List.of("wind")), new BallotRetracted(P, BOB_M, NOW))
                .when(new CloseVoting(P), by(ALICE))
                // users' quorum (20%) is missed once bob's ballot is gone
                .expectEvents(new DelegationsFrozen(P, NOW, List.of()), new VotingClosed(P, NOW, Outcome.NO_QUORUM, null, List.of()));
    }

    @Test
    void anObjectionNeedsAReasonAndAConsentBallotNoOtherField() {
        fixture.given(submitted(VoteMethod.CONSENT), opened(VoteMethod.CONSENT))
                .when(new CastBallot(P, BOB_M, null, null, null, " ", ConsentChoice.OBJECT), by(BOB))
                .expectException(field("reason")).expectNoEvents();
        fixture.given(submitted(VoteMethod.CONSENT), opened(VoteMethod.CONSENT))
                .when(new CastBallot(P, BOB_M, Choice.NO), by(BOB)).expectException(field("consent")).expectNoEvents();
        fixture.given(submitted(VoteMethod.APPROVAL), opened(VoteMethod.APPROVAL))
                .when(new CastBallot(P, BOB_M, null, List.of("solar"), null, null, ConsentChoice.CONSENT), by(BOB))
                .expectException(field("consent")).expectNoEvents();
    }

    @Test
    void aConsentVoteWithAnObjectionStandingClosesRejected() {
        fixture.given(submitted(VoteMethod.CONSENT), opened(VoteMethod.CONSENT),
                        new BallotCast(P, ALICE_M, null, NOW, null, null, null, ConsentChoice.CONSENT))
                .when(new CastBallot(P, BOB_M, null, null, null, "it blocks the fire exit", ConsentChoice.OBJECT), by(BOB))
                .expectEvents(new BallotCast(P, BOB_M, null, NOW, null, null, "it blocks the fire exit", ConsentChoice.OBJECT));
        fixture.given(submitted(VoteMethod.CONSENT), opened(VoteMethod.CONSENT),
                        new BallotCast(P, ALICE_M, null, NOW, null, null, null, ConsentChoice.CONSENT),
                        new BallotCast(P, BOB_M, null, NOW, null, null, "it blocks the fire exit", ConsentChoice.OBJECT))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(new DelegationsFrozen(P, NOW, List.of()), new VotingClosed(P, NOW, Outcome.REJECTED, null));
    }

    @Test
    void aConsentVoteCountsDelegatorsWithTheirDelegatesBallotAndWithoutObjectionsIsAccepted() {
        // bob (users) delegates to alice, who stands aside: users meet their quorum through bob, nobody objects
        coop.delegations = new coop.plenum.governance.voting.Delegations(Map.of(BOB_M, Map.of("energy", ALICE_M)));
        fixture.given(submitted(VoteMethod.CONSENT), opened(VoteMethod.CONSENT),
                        new BallotCast(P, ALICE_M, null, NOW, null, null, null, ConsentChoice.STAND_ASIDE))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(new DelegationsFrozen(P, NOW, List.of(new DelegationsFrozen.Delegation(BOB_M, ALICE_M))),
                        new VotingClosed(P, NOW, Outcome.ACCEPTED, null));
    }

    @Test
    void aRankedBallotNamesEachKnownOptionAtMostOnceInNonEmptyGroups() {
        fixture.given(submitted(VoteMethod.RANKED), opened(VoteMethod.RANKED))
                .when(new CastBallot(P, BOB_M, null, null, null, null, null, List.of(List.of("solar"), List.of("solar"))), by(BOB))
                .expectException(field("ranking")).expectNoEvents();
        fixture.given(submitted(VoteMethod.RANKED), opened(VoteMethod.RANKED))
                .when(new CastBallot(P, BOB_M, null, null, null, null, null, List.of(List.of())), by(BOB))
                .expectException(field("ranking")).expectNoEvents();
        fixture.given(submitted(VoteMethod.RANKED), opened(VoteMethod.RANKED))
                .when(approve(BOB_M, List.of("solar")), by(BOB)).expectException(field("ranking")).expectNoEvents();
    }

    @Test
    void closingARankedVoteNamesTheSchulzeWinner() {
        // workers (60): wind > solar > none; users (40): solar > none (wind unranked, below): D[wind][solar] = 0.6
        fixture.given(submitted(VoteMethod.RANKED), opened(VoteMethod.RANKED),
                        new BallotCast(P, ALICE_M, null, NOW, null, null, null, null,
                                List.of(List.of("wind"), List.of("solar"), List.of("none"))),
                        new BallotCast(P, BOB_M, null, NOW, null, null, null, null, List.of(List.of("solar"), List.of("none"))))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(new DelegationsFrozen(P, NOW, List.of()),
                        new VotingClosed(P, NOW, Outcome.ACCEPTED, null, List.of("wind")));
    }
}
