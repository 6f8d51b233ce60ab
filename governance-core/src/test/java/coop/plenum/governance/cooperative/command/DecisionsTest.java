package coop.plenum.governance.cooperative.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.charter.AdmissionPolicy;
import coop.plenum.governance.cooperative.ApplyDecision;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.cooperative.CharterAmended;
import coop.plenum.governance.charter.CharterRules;
import coop.plenum.governance.cooperative.CooperativeFounded;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.cooperative.DecisionNotApplicable;
import coop.plenum.governance.cooperative.FoundingMember;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.membership.MemberAdmittedByDecision;
import coop.plenum.governance.membership.MemberExpelled;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MembershipApplied;
import coop.plenum.governance.membership.MembershipWithdrawn;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** SPEC "Proposals": effects of ACCEPTED proposals are applied exactly once. */
class DecisionsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-09T10:00:00Z");
    private static final CooperativeId COOP = new CooperativeId("coop-1");
    private static final ProposalId P = new ProposalId("p-1");
    private static final AccountId ALICE = new AccountId("acc-alice");
    private static final AccountId BOB = new AccountId("acc-bob");
    private static final AccountId CARA = new AccountId("acc-cara");
    private static final MemberId ALICE_M = new MemberId("m-alice");
    private static final MemberId BOB_M = new MemberId("m-bob");
    private static final MemberId CARA_M = new MemberId("m-cara");
    private static final Charter CHARTER = CharterRules.complete(new Charter(List.of(new StakeholderClass("workers", "Workers", 60, 50),
            new StakeholderClass("users", "Users", 40, 20)), null, null, null, null, AdmissionPolicy.VOTE, null));

    private AggregateTestFixture<Cooperative> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Cooperative.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static CooperativeFounded founded() {
        return new CooperativeFounded(COOP, "Riverside", CHARTER,
                List.of(new FoundingMember(ALICE_M, ALICE, "workers"), new FoundingMember(BOB_M, BOB, "users")), ALICE, T0);
    }

    @Test
    void anAcceptedAdmissionAdmitsTheApplicantUnderTheVotePolicy() {
        fixture.given(founded(), new MembershipApplied(COOP, CARA_M, CARA, "users", T0))
                .when(new ApplyDecision(COOP, P, ProposalKind.ADMISSION, null, CARA_M))
                .expectEvents(new MemberAdmittedByDecision(COOP, CARA_M, CARA, "users", P, NOW));
    }

    @Test
    void anAcceptedExpulsionExpelsTheMember() {
        fixture.given(founded())
                .when(new ApplyDecision(COOP, P, ProposalKind.EXPULSION, null, BOB_M))
                .expectEvents(new MemberExpelled(COOP, BOB_M, BOB, P, NOW));
    }

    @Test
    void anAcceptedAmendmentPutsTheCompletedCharterInForce() {
        Charter amended = new Charter(List.of(new StakeholderClass("workers", "Workers", 50, 50),
                new StakeholderClass("users", "Users", 50, 30)), null, null, null, null, null, null);
        fixture.given(founded())
                .when(new ApplyDecision(COOP, P, ProposalKind.CHARTER_AMENDMENT, amended, null))
                .expectEvents(new CharterAmended(COOP, P, CharterRules.complete(amended), NOW));
    }

    @Test
    void aDecisionIsAppliedAtMostOnce() {
        fixture.given(founded(), new MemberExpelled(COOP, BOB_M, BOB, P, T0))
                .when(new ApplyDecision(COOP, P, ProposalKind.EXPULSION, null, BOB_M))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDecisionOvertakenByEventsIsRecordedAsNotApplicable() {
        fixture.given(founded(), new MembershipApplied(COOP, CARA_M, CARA, "users", T0),
                        new MembershipWithdrawn(COOP, BOB_M, BOB, T0))
                .when(new ApplyDecision(COOP, P, ProposalKind.EXPULSION, null, BOB_M))
                .expectEvents(new DecisionNotApplicable(COOP, P, "the member no longer holds a membership (WITHDRAWN)", NOW));
    }
}
