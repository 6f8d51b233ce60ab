package coop.plenum.governance.cooperative.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.charter.AdmissionPolicy;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.charter.CharterRules;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.cooperative.CooperativeFounded;
import coop.plenum.governance.cooperative.FoundingMember;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.invitation.AcceptInvitation;
import coop.plenum.governance.invitation.InvitationAccepted;
import coop.plenum.governance.invitation.InvitationId;
import coop.plenum.governance.invitation.InvitationResent;
import coop.plenum.governance.invitation.InvitationRevoked;
import coop.plenum.governance.invitation.InviteMembers;
import coop.plenum.governance.invitation.Invitee;
import coop.plenum.governance.invitation.MemberInvited;
import coop.plenum.governance.invitation.ResendInvitation;
import coop.plenum.governance.invitation.RevokeInvitation;
import coop.plenum.governance.membership.MemberAdmitted;
import coop.plenum.governance.membership.MembershipApplied;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.StateConflict;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static coop.plenum.governance.cooperative.command.CooperativeTest.naming;

/** Invitations: a secretary's single-use, expiring link that lands a person in a class. */
class InvitationsTest {

    private static final Instant FOUNDED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(14));
    private static final CooperativeId COOP = new CooperativeId("coop-1");
    private static final AccountId ALICE = new AccountId("acc-alice");   // founder, secretary
    private static final AccountId BOB = new AccountId("acc-bob");       // founder, not secretary
    private static final AccountId CARA = new AccountId("acc-cara");     // the invited person
    private static final InvitationId INV = new InvitationId("inv-1");
    private static final MemberId CARA_M = new MemberId("m-cara");
    private static final String HASH = "a".repeat(64);
    private static final String NEW_HASH = "b".repeat(64);

    private AggregateTestFixture<Cooperative> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Cooperative.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static CooperativeFounded founded(AdmissionPolicy admission) {
        Charter charter = CharterRules.complete(new Charter(List.of(new StakeholderClass("workers", "Workers", 60, 50),
                new StakeholderClass("users", "Users", 40, 20)), null, null, null, null, admission, null));
        return new CooperativeFounded(COOP, "Riverside", charter,
                List.of(new FoundingMember(new MemberId("m-alice"), ALICE, "workers"), new FoundingMember(new MemberId("m-bob"), BOB, "users")),
                ALICE, FOUNDED);
    }

    private static Map<String, ?> by(AccountId actor) {
        return Map.of("actor", actor.value());
    }

    private static MemberInvited caraInvited(Instant at, Instant expires) {
        return new MemberInvited(COOP, INV, "cara@example.coop", "users", HASH, expires, ALICE, at);
    }

    private static InviteMembers invite(Invitee... invitees) {
        return new InviteMembers(COOP, List.of(invitees), Duration.ofDays(14));
    }

    @Test
    void aSecretaryInvitesAnEmailIntoAClassWithAnExpiringTokenHash() {
        fixture.given(founded(AdmissionPolicy.SECRETARY))
                .when(invite(new Invitee(INV, " Cara@Example.coop ", "users", HASH)), by(ALICE))
                .expectEvents(caraInvited(NOW, EXPIRES));
    }

    @Test
    void onlySecretariesInvite() {
        fixture.given(founded(AdmissionPolicy.SECRETARY))
                .when(invite(new Invitee(INV, "cara@example.coop", "users", HASH)), by(BOB))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void anInvitationIntoAClassTheCharterDoesNotHaveNamesTheLine() {
        fixture.given(founded(AdmissionPolicy.SECRETARY))
                .when(invite(new Invitee(INV, "cara@example.coop", "users", HASH),
                        new Invitee(new InvitationId("inv-2"), "dan@example.coop", "investors", NEW_HASH)), by(ALICE))
                .expectException(naming("invitees[1].classId")).expectNoEvents();
    }

    @Test
    void aBadAddressAnywhereInTheListRefusesTheWholeListNamingTheLine() {
        fixture.given(founded(AdmissionPolicy.SECRETARY))
                .when(invite(new Invitee(INV, "cara@example.coop", "users", HASH),
                        new Invitee(new InvitationId("inv-2"), "not an address", "users", NEW_HASH)), by(ALICE))
                .expectException(naming("invitees[1].email")).expectNoEvents();
    }

    @Test
    void nobodyIsInvitedTwiceWhileAnInvitationOfTheirsIsStillValid() {
        fixture.given(founded(AdmissionPolicy.SECRETARY), caraInvited(NOW, EXPIRES))
                .when(invite(new Invitee(new InvitationId("inv-2"), "CARA@example.coop", "workers", NEW_HASH)), by(ALICE))
                .expectException(naming("invitees[0].email")).expectNoEvents();
    }

    @Test
    void anExpiredInvitationDoesNotStopANewOne() {
        fixture.given(founded(AdmissionPolicy.SECRETARY), caraInvited(FOUNDED, NOW))
                .when(invite(new Invitee(new InvitationId("inv-2"), "cara@example.coop", "users", NEW_HASH)), by(ALICE))
                .expectEvents(new MemberInvited(COOP, new InvitationId("inv-2"), "cara@example.coop", "users", NEW_HASH, EXPIRES, ALICE, NOW));
    }

    @Test
    void validityIsBoundedToThirtyDays() {
        fixture.given(founded(AdmissionPolicy.SECRETARY))
                .when(new InviteMembers(COOP, List.of(new Invitee(INV, "cara@example.coop", "users", HASH)), Duration.ofDays(31)), by(ALICE))
                .expectException(naming("validForDays")).expectNoEvents();
    }

    @Test
    void underTheSecretaryPolicyTheInvitationIsTheAdmission() {
        fixture.given(founded(AdmissionPolicy.SECRETARY), caraInvited(NOW, EXPIRES))
                .when(new AcceptInvitation(COOP, INV, HASH, CARA, CARA_M), by(CARA))
                .expectEvents(new InvitationAccepted(COOP, INV, CARA, CARA_M, NOW),
                        new MembershipApplied(COOP, CARA_M, CARA, "users", NOW),
                        new MemberAdmitted(COOP, CARA_M, CARA, "users", NOW));
    }

    @Test
    void underTheVotePolicyTheInvitedPersonStaysAnApplicant() {
        fixture.given(founded(AdmissionPolicy.VOTE), caraInvited(NOW, EXPIRES))
                .when(new AcceptInvitation(COOP, INV, HASH, CARA, CARA_M), by(CARA))
                .expectEvents(new InvitationAccepted(COOP, INV, CARA, CARA_M, NOW),
                        new MembershipApplied(COOP, CARA_M, CARA, "users", NOW));
    }

    @Test
    void aLinkWorksOnlyOnce() {
        fixture.given(founded(AdmissionPolicy.SECRETARY), caraInvited(NOW, EXPIRES),
                        new InvitationAccepted(COOP, INV, CARA, CARA_M, NOW))
                .when(new AcceptInvitation(COOP, INV, HASH, BOB, new MemberId("m-other")), by(BOB))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void aWrongTokenAnswersLikeAnUnknownInvitation() {
        fixture.given(founded(AdmissionPolicy.SECRETARY), caraInvited(NOW, EXPIRES))
                .when(new AcceptInvitation(COOP, INV, NEW_HASH, CARA, CARA_M), by(CARA))
                .expectException(NotFound.class).expectNoEvents();
    }

    @Test
    void anExpiredLinkIsRefused() {
        fixture.given(founded(AdmissionPolicy.SECRETARY), caraInvited(FOUNDED, NOW))
                .when(new AcceptInvitation(COOP, INV, HASH, CARA, CARA_M), by(CARA))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void aRevokedLinkIsRefused() {
        fixture.given(founded(AdmissionPolicy.SECRETARY), caraInvited(NOW, EXPIRES), new InvitationRevoked(COOP, INV, ALICE, NOW))
                .when(new AcceptInvitation(COOP, INV, HASH, CARA, CARA_M), by(CARA))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void anAccountAcceptsOnlyForItself() {
        fixture.given(founded(AdmissionPolicy.SECRETARY), caraInvited(NOW, EXPIRES))
                .when(new AcceptInvitation(COOP, INV, HASH, CARA, CARA_M), by(BOB))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void aMemberAlreadyHereCannotSpendAnInvitationOnASecondMembership() {
        fixture.given(founded(AdmissionPolicy.SECRETARY), caraInvited(NOW, EXPIRES))
                .when(new AcceptInvitation(COOP, INV, HASH, BOB, new MemberId("m-bob-2")), by(BOB))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void resendingGivesANewTokenAndTheOldOneStopsWorking() {
        fixture.given(founded(AdmissionPolicy.SECRETARY), caraInvited(FOUNDED, NOW))
                .when(new ResendInvitation(COOP, INV, NEW_HASH, Duration.ofDays(14)), by(ALICE))
                .expectEvents(new InvitationResent(COOP, INV, NEW_HASH, EXPIRES, ALICE, NOW));
        fixture.given(founded(AdmissionPolicy.SECRETARY), caraInvited(FOUNDED, NOW),
                        new InvitationResent(COOP, INV, NEW_HASH, EXPIRES, ALICE, NOW))
                .when(new AcceptInvitation(COOP, INV, HASH, CARA, CARA_M), by(CARA))
                .expectException(NotFound.class).expectNoEvents();
    }

    @Test
    void aUsedInvitationCannotBeResentOrRevoked() {
        fixture.given(founded(AdmissionPolicy.SECRETARY), caraInvited(NOW, EXPIRES), new InvitationAccepted(COOP, INV, CARA, CARA_M, NOW))
                .when(new RevokeInvitation(COOP, INV), by(ALICE))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(founded(AdmissionPolicy.SECRETARY), caraInvited(NOW, EXPIRES), new InvitationAccepted(COOP, INV, CARA, CARA_M, NOW))
                .when(new ResendInvitation(COOP, INV, NEW_HASH, Duration.ofDays(14)), by(ALICE))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void onlySecretariesRevoke() {
        fixture.given(founded(AdmissionPolicy.SECRETARY), caraInvited(NOW, EXPIRES))
                .when(new RevokeInvitation(COOP, INV), by(BOB))
                .expectException(NotAllowed.class).expectNoEvents();
        fixture.given(founded(AdmissionPolicy.SECRETARY), caraInvited(NOW, EXPIRES))
                .when(new RevokeInvitation(COOP, INV), by(ALICE))
                .expectEvents(new InvitationRevoked(COOP, INV, ALICE, NOW));
    }

    @Test
    void aRequestInvitesAtMostFiveHundred() {
        List<Invitee> many = java.util.stream.IntStream.range(0, 501)
                .mapToObj(i -> new Invitee(new InvitationId("inv-" + i), "p" + i + "@example.coop", "users", HASH)).toList();
        fixture.given(founded(AdmissionPolicy.SECRETARY))
                .when(new InviteMembers(COOP, many, Duration.ofDays(14)), by(ALICE))
                .expectException(InvalidInput.class).expectNoEvents();
    }
}
