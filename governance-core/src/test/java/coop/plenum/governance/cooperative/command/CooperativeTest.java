package coop.plenum.governance.cooperative.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.charter.AdmissionPolicy;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.charter.CharterRules;
import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.cooperative.CooperativeFounded;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.DelegationRule;
import coop.plenum.governance.cooperative.FoundCooperative;
import coop.plenum.governance.cooperative.FounderSeat;
import coop.plenum.governance.cooperative.FoundingMember;
import coop.plenum.governance.charter.LedgerRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.charter.VotingPowerRule;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.kernel.IdGenerator;
import coop.plenum.kernel.InvalidInput;
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
import java.util.Set;

class CooperativeTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final CooperativeId COOP = new CooperativeId("coop-1");
    private static final AccountId ALICE = new AccountId("acc-alice");
    private static final AccountId BOB = new AccountId("acc-bob");
    private static final Set<AccountId> KNOWN = Set.of(ALICE, BOB);

    private AggregateTestFixture<Cooperative> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Cooperative.class);
        fixture.registerAnnotatedCommandHandler(new FoundCooperativeHandler(fixture.getRepository(), KNOWN::contains,
                IdGenerator.sequential("member"), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    static Charter twoClasses() {
        return new Charter(List.of(new StakeholderClass("workers", "Workers", 60, 50),
                new StakeholderClass("users", "Users", 40, 20)), List.of("energy"), null, null, null, null, null);
    }

    @Test
    void foundersAreActiveMembersAndTheCharterIsRecordedComplete() {
        Charter complete = new Charter(twoClasses().classes(), List.of("energy"),
                new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED), VotingPowerRule.equal(),
                new DelegationRule(true, 0), AdmissionPolicy.SECRETARY,
                new LedgerRule(Map.of("WORK_HOURS", BigDecimal.ONE), CharterRules.DEFAULT_REQUIRED_EVALUATIONS));
        fixture.givenNoPriorActivity()
                .when(new FoundCooperative(COOP, " Riverside Energy ", twoClasses(),
                        List.of(new FounderSeat(ALICE, "workers"), new FounderSeat(BOB, "users")), ALICE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CooperativeFounded(COOP, "Riverside Energy", complete,
                        List.of(new FoundingMember(new MemberId("member-1"), ALICE, "workers"),
                                new FoundingMember(new MemberId("member-2"), BOB, "users")),
                        ALICE, NOW));
    }

    @Test
    void aCharterWhoseWeightsDoNotSumTo100IsRejectedAndNothingIsStored() {
        Charter lopsided = new Charter(List.of(new StakeholderClass("workers", "Workers", 60, 50),
                new StakeholderClass("users", "Users", 30, 20)), null, null, null, null, null, null);
        fixture.givenNoPriorActivity()
                .when(new FoundCooperative(COOP, "Riverside", lopsided, List.of(new FounderSeat(ALICE, "workers")), ALICE))
                .expectException(naming("charter.classes"))
                .expectNoEvents();
    }

    @Test
    void aFounderMustJoinAClassOfTheCharter() {
        fixture.givenNoPriorActivity()
                .when(new FoundCooperative(COOP, "Riverside", twoClasses(), List.of(new FounderSeat(ALICE, "investors")), ALICE))
                .expectException(naming("founders[0].classId"))
                .expectNoEvents();
    }

    @Test
    void foundersMustBeExistingAccounts() {
        fixture.givenNoPriorActivity()
                .when(new FoundCooperative(COOP, "Riverside", twoClasses(),
                        List.of(new FounderSeat(new AccountId("acc-ghost"), "workers")), ALICE))
                .expectException(naming("founders[0].accountId"))
                .expectNoEvents();
    }

    @Test
    void anAccountFoundsOnlyOnce() {
        fixture.givenNoPriorActivity()
                .when(new FoundCooperative(COOP, "Riverside", twoClasses(),
                        List.of(new FounderSeat(ALICE, "workers"), new FounderSeat(ALICE, "users")), ALICE))
                .expectException(naming("founders[1].accountId"))
                .expectNoEvents();
    }

    @Test
    void aCooperativeHasAtLeastOneFounder() {
        fixture.givenNoPriorActivity()
                .when(new FoundCooperative(COOP, "Riverside", twoClasses(), List.of(), ALICE))
                .expectException(naming("founders"))
                .expectNoEvents();
    }

    @Test
    void theFirstSecretaryMustBeAnExistingAccount() {
        fixture.givenNoPriorActivity()
                .when(new FoundCooperative(COOP, "Riverside", twoClasses(), List.of(new FounderSeat(ALICE, "workers")),
                        new AccountId("acc-ghost")))
                .expectException(naming("secretaryAccountId"))
                .expectNoEvents();
    }

    @Test
    void aCooperativeHasAName() {
        fixture.givenNoPriorActivity()
                .when(new FoundCooperative(COOP, " ", twoClasses(), List.of(new FounderSeat(ALICE, "workers")), ALICE))
                .expectException(naming("name"))
                .expectNoEvents();
    }

    @Test
    void aCooperativeCannotBeFoundedWithoutACharter() {
        fixture.givenNoPriorActivity()
                .when(new FoundCooperative(COOP, "Riverside", null, List.of(new FounderSeat(ALICE, "workers")), ALICE))
                .expectException(naming("charter"))
                .expectNoEvents();
    }

    static Matcher<Object> naming(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof InvalidInput invalid && invalid.field().equals(field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidInput whose first field is " + field);
            }
        };
    }
}
