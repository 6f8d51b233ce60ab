package coop.plenum.governance.proposal.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.axon.SerializationConfiguration;
import coop.plenum.governance.budget.ProposalBudget;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.power.AcceptedPoints;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.BudgetAllocated;
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
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static coop.plenum.governance.proposal.command.ProposalTest.field;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Voting methods", BUDGET in the Proposal aggregate: a budget and projects with costs submitted and pinned,
 * approval ballots, the Method of Equal Shares at closing and the funded projects allocated. The charter: workers
 * (weight 60) and users (weight 40, quorum 20 %); alice is a worker, bob a user, both with power 1, so of a budget of
 * 100 alice's share is 60 and bob's 40.
 */
class BudgetProposalTest {

    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    private static final CooperativeId COOP = new CooperativeId("coop-1");
    private static final ProposalId P = new ProposalId("p-1");
    private static final AccountId ALICE = new AccountId("acc-alice");
    private static final AccountId BOB = new AccountId("acc-bob");
    private static final MemberId ALICE_M = new MemberId("m-alice");
    private static final MemberId BOB_M = new MemberId("m-bob");
    private static final BigDecimal ONE = new BigDecimal("1.000000");
    private static final ProposalBudget BUDGET = new ProposalBudget(new BigDecimal("100"), "EUR");
    private static final List<ProposalOption> PROJECTS = List.of(
            new ProposalOption("garden", "A community garden", new BigDecimal("60")),
            new ProposalOption("bikes", "Cargo bikes", new BigDecimal("40")),
            new ProposalOption("roof", "A new roof", new BigDecimal("90")));

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

    private static SubmitProposal submit(ProposalBudget budget, List<ProposalOption> projects) {
        return submit(VoteMethod.BUDGET, budget, projects);
    }

    private static SubmitProposal submit(VoteMethod method, ProposalBudget budget, List<ProposalOption> projects) {
        return new SubmitProposal(P, COOP, "What do we fund?", "", "energy", ProposalKind.GENERAL, null, null, null,
                method, projects, null, null, budget);
    }

    private static ProposalSubmitted submitted() {
        return new ProposalSubmitted(P, COOP, ALICE_M, ALICE, "What do we fund?", "", "energy", ProposalKind.GENERAL, null,
                null, null, NOW, VoteMethod.BUDGET, PROJECTS, null, null, BUDGET);
    }

    private VotingOpened opened() {
        Charter charter = coop.charterAsOf(NOW);
        return new VotingOpened(P, COOP, "energy", NOW, charter.classes(), charter.decision(), charter.delegation(),
                List.of(new ElectorateMember(ALICE_M, ALICE, "workers", ONE), new ElectorateMember(BOB_M, BOB, "users", ONE)),
                VoteMethod.BUDGET, PROJECTS, null, null, null, BUDGET);
    }

    private static BallotCast approved(MemberId member, String... projects) {
        return new BallotCast(P, member, null, NOW, List.of(projects), null, null);
    }

    private static ProposalOption project(String id, String cost) {
        return new ProposalOption(id, "Project " + id, cost == null ? null : new BigDecimal(cost));
    }

    @Test
    void aBudgetProposalRecordsItsBudgetAndTheCostOfEachProject() {
        fixture.givenNoPriorActivity().when(submit(BUDGET, PROJECTS), by(ALICE)).expectEvents(submitted());
    }

    @Test
    void aBudgetProposalNeedsABudgetAboveZeroInAKnownCurrencyWithinItsBounds() {
        fixture.givenNoPriorActivity().when(submit(null, PROJECTS), by(ALICE)).expectException(field("budget")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(new ProposalBudget(new BigDecimal("-5"), "EUR"), PROJECTS), by(ALICE))
                .expectException(field("budget.amount")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(new ProposalBudget(BigDecimal.ZERO, "EUR"), PROJECTS), by(ALICE))
                .expectException(field("budget.amount")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(new ProposalBudget(new BigDecimal("1000000000000.01"), "EUR"), PROJECTS), by(ALICE))
                .expectException(field("budget.amount")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(new ProposalBudget(new BigDecimal("10.001"), "EUR"), PROJECTS), by(ALICE))
                .expectException(field("budget.amount")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(new ProposalBudget(new BigDecimal("1E+100000"), "EUR"), PROJECTS), by(ALICE))
                .expectException(field("budget.amount")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(new ProposalBudget(BigDecimal.TEN, "XYZ"), PROJECTS), by(ALICE))
                .expectException(field("budget.currency")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(new ProposalBudget(BigDecimal.TEN, null), PROJECTS), by(ALICE))
                .expectException(field("budget.currency")).expectNoEvents();
    }

    @Test
    void everyProjectHasACostAboveZeroWithinTheBounds() {
        fixture.givenNoPriorActivity().when(submit(BUDGET, List.of(project("a", "10"), project("b", null))), by(ALICE))
                .expectException(field("options[1].cost")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(BUDGET, List.of(project("a", "0"), project("b", "5"))), by(ALICE))
                .expectException(field("options[0].cost")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(BUDGET, List.of(project("a", "10"), project("b", "-1"))), by(ALICE))
                .expectException(field("options[1].cost")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(BUDGET, List.of(project("a", "10"), project("b", "2000000000000"))), by(ALICE))
                .expectException(field("options[1].cost")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(new ProposalBudget(BigDecimal.TEN, "JPY"),
                        List.of(project("a", "10"), project("b", "2.5"))), by(ALICE))
                .expectException(field("options[1].cost")).expectNoEvents();
    }

    @Test
    void aBudgetOffersTwoToFiftyProjects() {
        List<ProposalOption> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(project("p" + i, "1"));
        }
        fixture.givenNoPriorActivity().when(submit(BUDGET, many), by(ALICE)).expectException(field("options")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(BUDGET, many.subList(0, 1)), by(ALICE)).expectException(field("options")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(BUDGET, many.subList(0, 50)), by(ALICE)).expectSuccessfulHandlerExecution();
    }

    @Test
    void onlyABudgetProposalHasABudgetAndCosts() {
        List<ProposalOption> plain = List.of(new ProposalOption("a", "A"), new ProposalOption("b", "B"));
        fixture.givenNoPriorActivity().when(submit(VoteMethod.APPROVAL, BUDGET, plain), by(ALICE))
                .expectException(field("budget")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(VoteMethod.APPROVAL, null, PROJECTS), by(ALICE))
                .expectException(field("options[0].cost")).expectNoEvents();
    }

    @Test
    void theBudgetAndTheProjectsArePinnedWhenVotingOpens() {
        fixture.given(submitted()).when(new OpenVoting(P), by(ALICE)).expectEvents(opened());
    }

    @Test
    void aBudgetBallotIsAnApprovalSetOfTheProposalsProjects() {
        fixture.given(submitted(), opened()).when(new CastBallot(P, BOB_M, Choice.YES), by(BOB))
                .expectException(field("approve")).expectNoEvents();
        fixture.given(submitted(), opened()).when(new CastBallot(P, BOB_M, null, List.of("roof", "pool"), null, null), by(BOB))
                .expectException(field("approve")).expectNoEvents();
        fixture.given(submitted(), opened()).when(new CastBallot(P, BOB_M, null, List.of("roof", "roof"), null, null), by(BOB))
                .expectException(field("approve")).expectNoEvents();
        fixture.given(submitted(), opened()).when(new CastBallot(P, BOB_M, null, List.of("roof", "bikes"), null, null), by(BOB))
                .expectEvents(approved(BOB_M, "roof", "bikes"));
    }

    @Test
    void closingFundsByEqualSharesAndAllocatesTheFundedProjectsWhereGreedyWouldHaveBoughtOnlyTheRoof() {
        // alice (share 60) approves garden and roof, bob (share 40) bikes and roof. Bikes cost bob 40 (rho 40), the
        // garden alice 60 (rho 60); the roof would need 90 of their 100 together but bob has spent his share first.
        // Greedy (roof approved by all) would have spent 90 on the roof alone.
        fixture.given(submitted(), opened(), approved(ALICE_M, "garden", "roof"), approved(BOB_M, "bikes", "roof"))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(new DelegationsFrozen(P, NOW, List.of()),
                        new VotingClosed(P, NOW, Outcome.ACCEPTED, null, List.of("bikes", "garden")),
                        new BudgetAllocated(P, COOP, NOW, "EUR", new BigDecimal("100"),
                                List.of(new BudgetAllocated.Allocation("bikes", "Cargo bikes", new BigDecimal("40")),
                                        new BudgetAllocated.Allocation("garden", "A community garden", new BigDecimal("60"))),
                                new BigDecimal("0")));
    }

    @Test
    void aDelegatorsShareFollowsTheChainAndCountsInTheirOwnClass() {
        // carl joins the users; bob (users) delegates to alice, who approves bikes and the roof; carl approves the
        // garden. Counted: alice 60, bob 20 and carl 20 (the users' 40 split between them). Bikes cost alice and bob 20
        // each; the garden needs 60 of carl alone, and before add-one ever gets him there the roof becomes affordable
        // to alice and bob and overspends: bikes only. (Were bob's delegation ignored, carl's share would be the users'
        // whole 40 and add-one would reach the garden too.)
        coop.delegations = new coop.plenum.governance.voting.Delegations(Map.of(BOB_M, Map.of("energy", ALICE_M)));
        MemberId carl = new MemberId("m-carl");
        Charter charter = coop.charterAsOf(NOW);
        VotingOpened withCarl = new VotingOpened(P, COOP, "energy", NOW, charter.classes(), charter.decision(),
                charter.delegation(), List.of(new ElectorateMember(ALICE_M, ALICE, "workers", ONE),
                new ElectorateMember(BOB_M, BOB, "users", ONE), new ElectorateMember(carl, new AccountId("acc-carl"), "users", ONE)),
                VoteMethod.BUDGET, PROJECTS, null, null, null, BUDGET);
        fixture.given(submitted(), withCarl, approved(ALICE_M, "bikes", "roof"), approved(carl, "garden"))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(new DelegationsFrozen(P, NOW, List.of(new DelegationsFrozen.Delegation(BOB_M, ALICE_M))),
                        new VotingClosed(P, NOW, Outcome.ACCEPTED, null, List.of("bikes")),
                        new BudgetAllocated(P, COOP, NOW, "EUR", new BigDecimal("100"),
                                List.of(new BudgetAllocated.Allocation("bikes", "Cargo bikes", new BigDecimal("40"))),
                                new BigDecimal("60")));
    }

    @Test
    void aClassBelowItsQuorumClosesTheBudgetWithNoQuorumAndAllocatesNothing() {
        fixture.given(submitted(), opened(), approved(ALICE_M, "roof"))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(new DelegationsFrozen(P, NOW, List.of()),
                        new VotingClosed(P, NOW, Outcome.NO_QUORUM, null, List.of()));
    }

    @Test
    void aBudgetThatFundsNothingIsRejectedAndAllocatesNothing() {
        fixture.given(submitted(), opened(), approved(ALICE_M), approved(BOB_M))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(new DelegationsFrozen(P, NOW, List.of()),
                        new VotingClosed(P, NOW, Outcome.REJECTED, null, List.of()));
    }

    @Test
    void theBudgetSurvivesASnapshotRoundTrip() {
        Proposal proposal = new Proposal();
        proposal.on(submitted());
        proposal.on(opened());
        proposal.on(approved(ALICE_M, "garden"));
        ProposalSnapshot snapshot = proposal.snapshot();
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(SerializationConfiguration.eventObjectMapper()).build();
        SerializedObject<byte[]> stored = serializer.serialize(snapshot, byte[].class);
        Proposal restored = new Proposal();
        restored.on((ProposalSnapshot) serializer.deserialize(stored));
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        assertThat(snapshot.budget()).isEqualTo(BUDGET);
        assertThat(snapshot.options()).isEqualTo(PROJECTS);
    }
}
