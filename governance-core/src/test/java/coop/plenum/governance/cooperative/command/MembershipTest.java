package coop.plenum.governance.cooperative.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.KnownAccounts;
import coop.plenum.governance.charter.AdmissionPolicy;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.charter.CharterRules;
import coop.plenum.governance.cooperative.CooperativeFounded;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.cooperative.FoundingMember;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.membership.AdmitMember;
import coop.plenum.governance.membership.ApplicationRejected;
import coop.plenum.governance.membership.ApplyForMembership;
import coop.plenum.governance.membership.ChangeMemberClass;
import coop.plenum.governance.membership.MemberAdmitted;
import coop.plenum.governance.membership.MemberClassChanged;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberReinstated;
import coop.plenum.governance.membership.MemberSuspended;
import coop.plenum.governance.membership.MembershipApplied;
import coop.plenum.governance.membership.MembershipWithdrawn;
import coop.plenum.governance.membership.ReinstateMember;
import coop.plenum.governance.membership.RejectApplication;
import coop.plenum.governance.membership.RoleGranted;
import coop.plenum.governance.membership.RoleRevoked;
import coop.plenum.governance.membership.SetRoles;
import coop.plenum.governance.membership.SuspendMember;
import coop.plenum.governance.membership.WithdrawMembership;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.StateConflict;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static coop.plenum.governance.cooperative.command.CooperativeTest.naming;

/** SPEC "Membership" and "Accounts and roles", rule by rule. */
class MembershipTest {

    private static final Instant FOUNDED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    private static final CooperativeId COOP = new CooperativeId("coop-1");
    private static final AccountId ALICE = new AccountId("acc-alice");   // founder, secretary
    private static final AccountId BOB = new AccountId("acc-bob");       // founder
    private static final AccountId CARA = new AccountId("acc-cara");     // applicant
    private static final AccountId DAN = new AccountId("acc-dan");       // outsider, secretary elsewhere
    private static final MemberId ALICE_M = new MemberId("m-alice");
    private static final MemberId BOB_M = new MemberId("m-bob");
    private static final MemberId CARA_M = new MemberId("m-cara");
    private static final KnownAccounts KNOWN = Set.of(ALICE, BOB, CARA, DAN)::contains;

    private AggregateTestFixture<Cooperative> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Cooperative.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(KNOWN);
    }

    private static CooperativeFounded founded(AdmissionPolicy admission) {
        Charter charter = CharterRules.complete(new Charter(List.of(new StakeholderClass("workers", "Workers", 60, 50),
                new StakeholderClass("users", "Users", 40, 20)), null, null, null, null, admission, null));
        return new CooperativeFounded(COOP, "Riverside", charter,
                List.of(new FoundingMember(ALICE_M, ALICE, "workers"), new FoundingMember(BOB_M, BOB, "users")), ALICE, FOUNDED);
    }

    private TestExecutor<Cooperative> given(Object... events) {
        Object[] all = new Object[events.length + 1];
        all[0] = founded(AdmissionPolicy.SECRETARY);
        System.arraycopy(events, 0, all, 1, events.length);
        return fixture.given(all);
    }

    private static Map<String, ?> by(AccountId actor) {
        return Map.of("actor", actor.value());
    }

    private static MembershipApplied caraApplied() {
        return new MembershipApplied(COOP, CARA_M, CARA, "users", FOUNDED);
    }

    // ---- applying --------------------------------------------------------------------------------------

    @Test
    void anAccountAppliesWithARequestedClass() {
        given().when(new ApplyForMembership(COOP, CARA_M, CARA, "users"), by(CARA))
                .expectEvents(new MembershipApplied(COOP, CARA_M, CARA, "users", NOW));
    }

    @Test
    void applyingForAClassTheCharterDoesNotHaveIsInvalidInputNamingTheClass() {
        given().when(new ApplyForMembership(COOP, CARA_M, CARA, "investors"), by(CARA))
                .expectException(naming("classId")).expectNoEvents();
    }

    @Test
    void anAccountWithALiveMembershipCannotApplyAgain() {
        given().when(new ApplyForMembership(COOP, new MemberId("m-bob-2"), BOB, "workers"), by(BOB))
                .expectException(StateConflict.class).expectNoEvents();
        given(caraApplied()).when(new ApplyForMembership(COOP, new MemberId("m-cara-2"), CARA, "users"), by(CARA))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void aRejectedApplicantMayApplyAgain() {
        given(caraApplied(), new ApplicationRejected(COOP, CARA_M, CARA, FOUNDED))
                .when(new ApplyForMembership(COOP, new MemberId("m-cara-2"), CARA, "workers"), by(CARA))
                .expectEvents(new MembershipApplied(COOP, new MemberId("m-cara-2"), CARA, "workers", NOW));
    }

    @Test
    void anAccountAppliesOnlyForItself() {
        given().when(new ApplyForMembership(COOP, CARA_M, CARA, "users"), by(DAN))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void auditorsAreReadOnlyAndCannotApply() {
        given(new RoleGranted(COOP, DAN, Role.AUDITOR, FOUNDED))
                .when(new ApplyForMembership(COOP, new MemberId("m-dan"), DAN, "users"), by(DAN))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    // ---- admission and rejection -------------------------------------------------------------------------

    @Test
    void aSecretaryAdmitsAnApplicantWhoBecomesActiveInTheRequestedClass() {
        given(caraApplied()).when(new AdmitMember(COOP, CARA_M), by(ALICE))
                .expectEvents(new MemberAdmitted(COOP, CARA_M, CARA, "users", NOW));
    }

    @Test
    void admittingTwiceIsAStateConflict() {
        given(caraApplied(), new MemberAdmitted(COOP, CARA_M, CARA, "users", FOUNDED))
                .when(new AdmitMember(COOP, CARA_M), by(ALICE))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void onlySecretariesAdmit() {
        given(caraApplied()).when(new AdmitMember(COOP, CARA_M), by(BOB))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void aSecretaryOfAnotherCooperativeCannotAdmitHere() {
        given(caraApplied()).when(new AdmitMember(COOP, CARA_M), by(DAN))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void underTheVotePolicyASecretaryCannotAdmitDirectly() {
        fixture.given(founded(AdmissionPolicy.VOTE), caraApplied())
                .when(new AdmitMember(COOP, CARA_M), by(ALICE))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void actingOnAnUnknownMemberIsAStateConflict() {
        given().when(new AdmitMember(COOP, new MemberId("m-nobody")), by(ALICE))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void aSecretaryRejectsAnApplication() {
        given(caraApplied()).when(new RejectApplication(COOP, CARA_M), by(ALICE))
                .expectEvents(new ApplicationRejected(COOP, CARA_M, CARA, NOW));
    }

    @Test
    void onlyApplicationsCanBeRejected() {
        given().when(new RejectApplication(COOP, BOB_M), by(ALICE))
                .expectException(StateConflict.class).expectNoEvents();
    }

    // ---- suspension, reinstatement, withdrawal --------------------------------------------------------------

    @Test
    void aSecretarySuspendsAnActiveMemberAndReinstatesThem() {
        given().when(new SuspendMember(COOP, BOB_M), by(ALICE))
                .expectEvents(new MemberSuspended(COOP, BOB_M, BOB, NOW));
        given(new MemberSuspended(COOP, BOB_M, BOB, FOUNDED)).when(new ReinstateMember(COOP, BOB_M), by(ALICE))
                .expectEvents(new MemberReinstated(COOP, BOB_M, BOB, NOW));
    }

    @Test
    void suspendingTwiceOrReinstatingAnActiveMemberIsAStateConflict() {
        given(new MemberSuspended(COOP, BOB_M, BOB, FOUNDED)).when(new SuspendMember(COOP, BOB_M), by(ALICE))
                .expectException(StateConflict.class).expectNoEvents();
        given().when(new ReinstateMember(COOP, BOB_M), by(ALICE))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void onlySecretariesSuspend() {
        given().when(new SuspendMember(COOP, ALICE_M), by(BOB))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void aMemberWithdrawsThemselvesWhetherActiveOrSuspended() {
        given().when(new WithdrawMembership(COOP, BOB_M), by(BOB))
                .expectEvents(new MembershipWithdrawn(COOP, BOB_M, BOB, NOW));
        given(new MemberSuspended(COOP, BOB_M, BOB, FOUNDED)).when(new WithdrawMembership(COOP, BOB_M), by(BOB))
                .expectEvents(new MembershipWithdrawn(COOP, BOB_M, BOB, NOW));
    }

    @Test
    void onlyTheMemberThemselvesWithdraws() {
        given().when(new WithdrawMembership(COOP, BOB_M), by(ALICE))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void actingOnAWithdrawnMemberIsAStateConflict() {
        given(new MembershipWithdrawn(COOP, BOB_M, BOB, FOUNDED)).when(new SuspendMember(COOP, BOB_M), by(ALICE))
                .expectException(StateConflict.class).expectNoEvents();
        given(new MembershipWithdrawn(COOP, BOB_M, BOB, FOUNDED)).when(new WithdrawMembership(COOP, BOB_M), by(BOB))
                .expectException(StateConflict.class).expectNoEvents();
    }

    // ---- class changes -----------------------------------------------------------------------------------

    @Test
    void aSecretaryMovesAnActiveMemberToAnotherClassAndTheMoveIsRecorded() {
        given().when(new ChangeMemberClass(COOP, BOB_M, "workers"), by(ALICE))
                .expectEvents(new MemberClassChanged(COOP, BOB_M, BOB, "users", "workers", NOW));
    }

    @Test
    void movingToTheClassAMemberIsAlreadyInRecordsNothing() {
        given().when(new ChangeMemberClass(COOP, BOB_M, "users"), by(ALICE))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void movingToAClassTheCharterDoesNotHaveIsInvalidInput() {
        given().when(new ChangeMemberClass(COOP, BOB_M, "investors"), by(ALICE))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    @Test
    void onlyActiveMembersMoveClass() {
        given(new MemberSuspended(COOP, BOB_M, BOB, FOUNDED)).when(new ChangeMemberClass(COOP, BOB_M, "workers"), by(ALICE))
                .expectException(StateConflict.class).expectNoEvents();
    }

    // ---- roles -------------------------------------------------------------------------------------------

    @Test
    void aSecretaryAppointsASecretaryAndAnAuditorWhoNeedNotBeAMember() {
        given().when(new SetRoles(COOP, DAN, Set.of(Role.SECRETARY, Role.AUDITOR)), by(ALICE))
                .expectEvents(new RoleGranted(COOP, DAN, Role.SECRETARY, NOW), new RoleGranted(COOP, DAN, Role.AUDITOR, NOW));
    }

    @Test
    void theLastSecretaryIsNeverRemoved() {
        given().when(new SetRoles(COOP, ALICE, Set.of()), by(ALICE))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void aSecretaryMayStepDownWhileAnotherRemains() {
        given(new RoleGranted(COOP, BOB, Role.SECRETARY, FOUNDED))
                .when(new SetRoles(COOP, ALICE, Set.of(Role.AUDITOR)), by(ALICE))
                .expectEvents(new RoleRevoked(COOP, ALICE, Role.SECRETARY, NOW), new RoleGranted(COOP, ALICE, Role.AUDITOR, NOW));
    }

    @Test
    void settingTheRolesAnAccountAlreadyHoldsRecordsNothing() {
        given().when(new SetRoles(COOP, ALICE, Set.of(Role.SECRETARY)), by(ALICE))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void onlySecretaryAndAuditorAreAssignable() {
        given().when(new SetRoles(COOP, DAN, Set.of(Role.MEMBER)), by(ALICE))
                .expectException(naming("roles")).expectNoEvents();
    }

    @Test
    void rolesGoOnlyToExistingAccounts() {
        given().when(new SetRoles(COOP, new AccountId("acc-ghost"), Set.of(Role.AUDITOR)), by(ALICE))
                .expectException(naming("accountId")).expectNoEvents();
    }

    @Test
    void onlySecretariesSetRolesAndAuditorsCommandNothing() {
        given(new RoleGranted(COOP, DAN, Role.AUDITOR, FOUNDED))
                .when(new SetRoles(COOP, DAN, Set.of(Role.SECRETARY)), by(DAN))
                .expectException(NotAllowed.class).expectNoEvents();
    }
}
