package coop.plenum.governance.delegation.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.charter.CharterRules;
import coop.plenum.governance.cooperative.CooperativeFounded;
import coop.plenum.governance.cooperative.command.CooperativeFromEvents;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.charter.DelegationRule;
import coop.plenum.governance.cooperative.FoundingMember;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.delegation.DelegateVote;
import coop.plenum.governance.delegation.DelegationStreams;
import coop.plenum.governance.delegation.DelegationRevoked;
import coop.plenum.governance.delegation.RevokeDelegation;
import coop.plenum.governance.delegation.VoteDelegated;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberSuspended;
import coop.plenum.governance.membership.MembershipApplied;
import coop.plenum.governance.membership.MembershipWithdrawn;
import coop.plenum.governance.voting.DelegationTimeline;
import coop.plenum.governance.voting.Delegations;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.StateConflict;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Liquid delegation": who may delegate to whom, and for what, on the cooperative's delegation register. */
class DelegationTest {

    private static final Instant FOUNDED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    private static final CooperativeId COOP = new CooperativeId("coop-1");
    private static final AccountId ALICE = new AccountId("acc-alice");
    private static final AccountId BOB = new AccountId("acc-bob");
    private static final AccountId CARA = new AccountId("acc-cara");
    private static final MemberId ALICE_M = new MemberId("m-alice");
    private static final MemberId BOB_M = new MemberId("m-bob");
    private static final MemberId CARA_M = new MemberId("m-cara");
    private static final String GLOBAL = Delegations.GLOBAL;

    private AggregateTestFixture<DelegationRegister> fixture;
    /** The cooperative whose facts the register reads, sourced from the givens that are the cooperative's. */
    private CooperativeFromEvents cooperative;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DelegationRegister.class);
        fixture.registerAnnotatedCommandHandler(new DelegationRegisterHandler(fixture.getRepository(), fixture.getEventStore(),
                id -> cooperative.facts(), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private static CooperativeFounded founded(boolean delegationEnabled) {
        Charter charter = CharterRules.complete(new Charter(List.of(new StakeholderClass("workers", "Workers", 60, 50),
                new StakeholderClass("users", "Users", 40, 20)), List.of("energy", "finance"), null, null,
                new DelegationRule(delegationEnabled, 0), null, null));
        return new CooperativeFounded(COOP, "Riverside", charter,
                List.of(new FoundingMember(ALICE_M, ALICE, "workers"), new FoundingMember(BOB_M, BOB, "users")), ALICE, FOUNDED);
    }

    private TestExecutor<DelegationRegister> given(Object... events) {
        return givenFounded(founded(true), events);
    }

    /** The cooperative's events go to the cooperative, delegation changes to the register. */
    private TestExecutor<DelegationRegister> givenFounded(CooperativeFounded founded, Object... events) {
        cooperative = new CooperativeFromEvents(founded);
        List<Object> inTheRegister = new ArrayList<>();
        for (Object event : events) {
            if (event instanceof VoteDelegated || event instanceof DelegationRevoked) {
                inTheRegister.add(event);
            } else {
                cooperative.recorded(event);
            }
        }
        return fixture.given(inTheRegister);
    }

    /** Every given event recorded in the cooperative's own stream (delegation changes too, as before the register). */
    private TestExecutor<DelegationRegister> givenTheCooperativeStream(Object... events) {
        cooperative = new CooperativeFromEvents(founded(true));
        for (Object event : events) {
            cooperative.recorded(event);
        }
        return fixture.givenNoPriorActivity();
    }

    private static Map<String, ?> by(AccountId actor) {
        return Map.of("actor", actor.value());
    }

    private static Matcher<Object> field(String name) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof InvalidInput invalid && invalid.field().equals(name);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidInput naming ").appendValue(name);
            }
        };
    }

    @Test
    void aMemberDelegatesGloballyToAnotherActiveMember() {
        given().when(new DelegateVote(COOP, BOB_M, GLOBAL, ALICE_M), by(BOB))
                .expectEvents(new VoteDelegated(COOP, BOB_M, GLOBAL, ALICE_M, null, NOW));
    }

    @Test
    void aMemberDelegatesForOneOfTheChartersTopics() {
        given().when(new DelegateVote(COOP, BOB_M, "energy", ALICE_M), by(BOB))
                .expectEvents(new VoteDelegated(COOP, BOB_M, "energy", ALICE_M, null, NOW));
        given().when(new DelegateVote(COOP, BOB_M, "gardening", ALICE_M), by(BOB))
                .expectException(field("topic")).expectNoEvents();
    }

    @Test
    void delegatingToOneselfIsRejected() {
        given().when(new DelegateVote(COOP, BOB_M, GLOBAL, BOB_M), by(BOB))
                .expectException(field("delegateId")).expectNoEvents();
    }

    @Test
    void delegatingToANonMemberIsRejected() {
        given().when(new DelegateVote(COOP, BOB_M, GLOBAL, new MemberId("m-nobody")), by(BOB))
                .expectException(field("delegateId")).expectNoEvents();
    }

    @Test
    void delegatingToAMemberWhoIsNotActiveIsAConflict() {
        given(new MembershipApplied(COOP, CARA_M, CARA, "users", NOW))
                .when(new DelegateVote(COOP, BOB_M, GLOBAL, CARA_M), by(BOB))
                .expectException(StateConflict.class).expectNoEvents();
        given(new MemberSuspended(COOP, ALICE_M, ALICE, NOW))
                .when(new DelegateVote(COOP, BOB_M, GLOBAL, ALICE_M), by(BOB))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void onlyActiveMembersDelegate() {
        given(new MemberSuspended(COOP, BOB_M, BOB, NOW))
                .when(new DelegateVote(COOP, BOB_M, GLOBAL, ALICE_M), by(BOB))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void aMemberDelegatesOnlyTheirOwnVote() {
        given().when(new DelegateVote(COOP, BOB_M, GLOBAL, ALICE_M), by(ALICE))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void aCharterWithDelegationDisabledRefusesDelegations() {
        givenFounded(founded(false)).when(new DelegateVote(COOP, BOB_M, GLOBAL, ALICE_M), by(BOB))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void delegatingAgainReplacesTheDelegateAndTheSameDelegationRecordsNothing() {
        VoteDelegated toAlice = new VoteDelegated(COOP, BOB_M, GLOBAL, ALICE_M, null, FOUNDED);
        given(new MembershipApplied(COOP, CARA_M, CARA, "users", FOUNDED),
                new coop.plenum.governance.membership.MemberAdmitted(COOP, CARA_M, CARA, "users", FOUNDED), toAlice)
                .when(new DelegateVote(COOP, BOB_M, GLOBAL, CARA_M), by(BOB))
                .expectEvents(new VoteDelegated(COOP, BOB_M, GLOBAL, CARA_M, ALICE_M, NOW));
        given(toAlice).when(new DelegateVote(COOP, BOB_M, GLOBAL, ALICE_M), by(BOB)).expectNoEvents();
    }

    @Test
    void revokingIsAlwaysAllowedAndRevokingNothingRecordsNothing() {
        VoteDelegated toAlice = new VoteDelegated(COOP, BOB_M, "energy", ALICE_M, null, FOUNDED);
        given(toAlice, new MembershipWithdrawn(COOP, BOB_M, BOB, FOUNDED))
                .when(new RevokeDelegation(COOP, BOB_M, "energy"), by(BOB))
                .expectEvents(new DelegationRevoked(COOP, BOB_M, "energy", ALICE_M, NOW));
        given().when(new RevokeDelegation(COOP, BOB_M, GLOBAL), by(BOB)).expectNoEvents();
        given(toAlice).when(new RevokeDelegation(COOP, BOB_M, "energy"), by(ALICE))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void delegationsAreAnsweredAsOfAnInstant() {
        Instant t1 = FOUNDED.plusSeconds(10);
        Instant t2 = FOUNDED.plusSeconds(20);
        // recorded in the cooperative's own stream, as before the register
        var facts = new CooperativeFromEvents(founded(true),
                new VoteDelegated(COOP, BOB_M, GLOBAL, ALICE_M, null, t1),
                new VoteDelegated(COOP, BOB_M, "energy", ALICE_M, null, t1),
                new DelegationRevoked(COOP, BOB_M, GLOBAL, ALICE_M, t2)).facts();
        assertThat(facts.delegationsAsOf(FOUNDED).byDelegator()).isEmpty();
        assertThat(facts.delegationsAsOf(t1).forTopic("finance")).containsEntry(BOB_M, ALICE_M);
        assertThat(facts.delegationsAsOf(t2).forTopic("finance")).isEmpty();
        assertThat(facts.delegationsAsOf(t2).forTopic("energy")).containsEntry(BOB_M, ALICE_M);
    }

    @Test
    void aDelegationNamesItsDelegate() {
        given().when(new DelegateVote(COOP, BOB_M, GLOBAL, null), by(BOB))
                .expectException(field("delegateId")).expectNoEvents();
    }

    @Test
    void onlyMembersOfTheCooperativeDelegateOrRevoke() {
        given().when(new DelegateVote(COOP, new MemberId("m-nobody"), GLOBAL, ALICE_M), by(BOB))
                .expectException(StateConflict.class).expectNoEvents();
        given().when(new RevokeDelegation(COOP, new MemberId("m-nobody"), GLOBAL), by(BOB))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void delegatingInACooperativeThatDoesNotExistIsNotFoundAndCreatesNoRegister() {
        AggregateTestFixture<DelegationRegister> nowhere = new AggregateTestFixture<>(DelegationRegister.class);
        nowhere.registerAnnotatedCommandHandler(new DelegationRegisterHandler(nowhere.getRepository(), nowhere.getEventStore(),
                id -> {
                    throw new NotFound("cooperative.not-found", "no cooperative '" + id + "'");
                }, Clock.fixed(NOW, ZoneOffset.UTC)));
        nowhere.givenNoPriorActivity().when(new DelegateVote(COOP, BOB_M, GLOBAL, ALICE_M), by(BOB))
                .expectException(NotFound.class).expectNoEvents();
    }

    // ---- the register, and the changes recorded in the cooperative's own stream before it ------------------------

    @Test
    void theFirstChangeCreatesTheRegisterUnderAnIdDerivedFromTheCooperative() {
        given().when(new DelegateVote(COOP, BOB_M, GLOBAL, ALICE_M), by(BOB))
                .expectEvents(new VoteDelegated(COOP, BOB_M, GLOBAL, ALICE_M, null, NOW))
                .expectState(register -> assertThat(register.changes()).containsExactly(
                        new DelegationTimeline.Change(NOW, BOB_M, GLOBAL, ALICE_M)));
        assertThat(DelegationStreams.registerId(COOP)).isEqualTo("delegations-coop-1");
        assertThat(DelegationStreams.REGISTER_AGGREGATE_TYPE).isEqualTo(DelegationRegister.class.getSimpleName());
    }

    @Test
    void aDelegationRecordedInTheCooperativeStreamIsTheOneADelegationThroughTheRegisterReplaces() {
        givenTheCooperativeStream(new MembershipApplied(COOP, CARA_M, CARA, "users", FOUNDED),
                new coop.plenum.governance.membership.MemberAdmitted(COOP, CARA_M, CARA, "users", FOUNDED),
                new VoteDelegated(COOP, BOB_M, GLOBAL, ALICE_M, null, FOUNDED),
                new VoteDelegated(COOP, BOB_M, "energy", ALICE_M, null, FOUNDED))
                .when(new DelegateVote(COOP, BOB_M, "energy", CARA_M), by(BOB))
                .expectEvents(new VoteDelegated(COOP, BOB_M, "energy", CARA_M, ALICE_M, NOW));
    }

    @Test
    void delegatingAgainToTheDelegateTheCooperativeStreamRecordedRecordsNothing() {
        givenTheCooperativeStream(new VoteDelegated(COOP, BOB_M, GLOBAL, ALICE_M, null, FOUNDED))
                .when(new DelegateVote(COOP, BOB_M, GLOBAL, ALICE_M), by(BOB)).expectNoEvents();
    }

    @Test
    void aDelegationRecordedInTheCooperativeStreamIsRevokedThroughTheRegister() {
        givenTheCooperativeStream(new VoteDelegated(COOP, BOB_M, GLOBAL, ALICE_M, null, FOUNDED))
                .when(new RevokeDelegation(COOP, BOB_M, GLOBAL), by(BOB))
                .expectEvents(new DelegationRevoked(COOP, BOB_M, GLOBAL, ALICE_M, NOW));
    }

    @Test
    void aDelegationTheCooperativeStreamAlsoRevokedLeavesNothingToRevoke() {
        givenTheCooperativeStream(new VoteDelegated(COOP, BOB_M, GLOBAL, ALICE_M, null, FOUNDED),
                new DelegationRevoked(COOP, BOB_M, GLOBAL, ALICE_M, FOUNDED))
                .when(new RevokeDelegation(COOP, BOB_M, GLOBAL), by(BOB)).expectNoEvents();
    }

    @Test
    void theRegistersChangeOverridesTheCooperativeStreamsForTheSameScope() {
        givenTheCooperativeStream(new VoteDelegated(COOP, BOB_M, GLOBAL, ALICE_M, null, FOUNDED));
        fixture.given(new DelegationRevoked(COOP, BOB_M, GLOBAL, ALICE_M, FOUNDED.plusSeconds(1)))
                .when(new RevokeDelegation(COOP, BOB_M, GLOBAL), by(BOB)).expectNoEvents();
    }

    @Test
    void aSuspendedMembersDelegationsStayInForceAndTheyMayStillRevokeThem() {
        given(new VoteDelegated(COOP, BOB_M, GLOBAL, ALICE_M, null, FOUNDED), new MemberSuspended(COOP, BOB_M, BOB, FOUNDED))
                .when(new RevokeDelegation(COOP, BOB_M, GLOBAL), by(BOB))
                .expectEvents(new DelegationRevoked(COOP, BOB_M, GLOBAL, ALICE_M, NOW));
        Instant t1 = FOUNDED.plusSeconds(10);
        var facts = new CooperativeFromEvents(founded(true), new MemberSuspended(COOP, ALICE_M, ALICE, t1))
                .facts(() -> List.of(new DelegationTimeline.Change(FOUNDED, BOB_M, GLOBAL, ALICE_M)));
        assertThat(facts.delegationsAsOf(t1.plusSeconds(1)).forTopic("energy"))
                .as("suspending the delegate records no revocation").containsEntry(BOB_M, ALICE_M);
    }

    @Test
    void delegationsAsOfAnInstantCombineTheCooperativeStreamsChangesThenTheRegisters() {
        Instant t1 = FOUNDED.plusSeconds(10);
        Instant t2 = FOUNDED.plusSeconds(20);
        Instant t3 = FOUNDED.plusSeconds(30);
        var facts = new CooperativeFromEvents(founded(true),
                new VoteDelegated(COOP, BOB_M, GLOBAL, ALICE_M, null, t1),
                new VoteDelegated(COOP, ALICE_M, "energy", BOB_M, null, t1))
                .facts(() -> List.of(
                        new DelegationTimeline.Change(t2, BOB_M, GLOBAL, null),
                        new DelegationTimeline.Change(t3, BOB_M, "finance", ALICE_M)));
        assertThat(facts.delegationsAsOf(t1).forTopic("finance")).containsExactlyInAnyOrderEntriesOf(Map.of(BOB_M, ALICE_M));
        assertThat(facts.delegationsAsOf(t2).forTopic("finance")).isEmpty();
        assertThat(facts.delegationsAsOf(t2).forTopic("energy")).containsExactlyInAnyOrderEntriesOf(Map.of(ALICE_M, BOB_M));
        assertThat(facts.delegationsAsOf(t3).forTopic("finance")).containsExactlyInAnyOrderEntriesOf(Map.of(BOB_M, ALICE_M));
    }
}
