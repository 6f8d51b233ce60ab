package coop.plenum.ledger.command;

import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.StateConflict;
import coop.plenum.ledger.BookkeepingGranted;
import coop.plenum.ledger.BookkeepingRevoked;
import coop.plenum.ledger.BudgetAllocationLine;
import coop.plenum.ledger.BudgetAllocationRecorded;
import coop.plenum.ledger.BudgetAllocationSpent;
import coop.plenum.ledger.ChangeContributorStanding;
import coop.plenum.ledger.ConfigureValueEquation;
import coop.plenum.ledger.ContributionAccepted;
import coop.plenum.ledger.ContributionEvaluated;
import coop.plenum.ledger.ContributionId;
import coop.plenum.ledger.ContributionLogged;
import coop.plenum.ledger.ContributionRejected;
import coop.plenum.ledger.Contributor;
import coop.plenum.ledger.ContributorId;
import coop.plenum.ledger.ContributorRegistered;
import coop.plenum.ledger.ContributorStanding;
import coop.plenum.ledger.ContributorStandingChanged;
import coop.plenum.ledger.EvaluateContribution;
import coop.plenum.ledger.GrantBookkeeping;
import coop.plenum.ledger.LedgerId;
import coop.plenum.ledger.LedgerOpened;
import coop.plenum.ledger.LogContribution;
import coop.plenum.ledger.MarkBudgetAllocationSpent;
import coop.plenum.ledger.OpenLedger;
import coop.plenum.ledger.RecordBudgetAllocation;
import coop.plenum.ledger.RecordRevenue;
import coop.plenum.ledger.RegisterContributor;
import coop.plenum.ledger.RevenueAllocated;
import coop.plenum.ledger.RevenueId;
import coop.plenum.ledger.RevenueRecorded;
import coop.plenum.ledger.RevokeBookkeeping;
import coop.plenum.ledger.ValueEquation;
import coop.plenum.ledger.ValueEquationConfigured;
import coop.plenum.ledger.Verdict;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Open value accounting (ledger)", rule by rule, on the Ledger aggregate. */
class LedgerTest {

    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);
    private static final LedgerId L = new LedgerId("coop-1");
    private static final ContributorId ALICE = new ContributorId("m-alice");
    private static final ContributorId BOB = new ContributorId("m-bob");
    private static final ContributorId CARA = new ContributorId("m-cara");
    private static final ContributorId DAN = new ContributorId("m-dan");
    private static final ContributionId C1 = new ContributionId("c-1");
    private static final ContributionId C2 = new ContributionId("c-2");
    private static final RevenueId R1 = new RevenueId("r-1");
    private static final ValueEquation EQUATION = new ValueEquation(Map.of(
            "WORK_HOURS", new BigDecimal("1"), "MONEY", new BigDecimal("0.1"), "RESOURCE", new BigDecimal("0.5")), 2);

    private AggregateTestFixture<Ledger> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ledger.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Map<String, ?> by(String account) {
        return Map.of("actor", account);
    }

    /** alice (secretary), bob, cara and dan are ACTIVE; accounts are "acc-" + name. */
    private static LedgerOpened opened() {
        return new LedgerOpened(L, EQUATION, List.of(new Contributor(ALICE, "acc-alice"), new Contributor(BOB, "acc-bob"),
                new Contributor(CARA, "acc-cara"), new Contributor(DAN, "acc-dan")), Set.of("acc-alice"), NOW);
    }

    private static LogContribution hours(ContributionId id, String quantity) {
        return new LogContribution(L, id, "bakery", "WORK_HOURS", new BigDecimal(quantity), "Baked bread", TODAY);
    }

    private static ContributionLogged loggedHours(ContributionId id, ContributorId by, String project, String quantity) {
        return new ContributionLogged(L, id, by, project, "WORK_HOURS", new BigDecimal(quantity), new BigDecimal("1"), 2,
                "Baked bread", TODAY, NOW);
    }

    private static ContributionEvaluated verdict(ContributionId id, ContributorId evaluator, Verdict verdict) {
        return new ContributionEvaluated(L, id, evaluator, verdict, null, NOW);
    }

    private static ContributionAccepted accepted(ContributionId id, ContributorId by, String project, String points) {
        return new ContributionAccepted(L, id, by, project, TODAY, new BigDecimal(points), NOW);
    }

    private static Matcher<Object> field(String name) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof InvalidInput invalid && invalid.field().equals(name);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an InvalidInput naming field ").appendValue(name);
            }
        };
    }

    // ---- opening and keeping in step ----------------------------------------------------------------------

    @Test
    void aLedgerOpensWithTheChartersEquationTheFoundersAndTheSecretary() {
        fixture.givenNoPriorActivity()
                .when(new OpenLedger(L, EQUATION, opened().contributors(), Set.of("acc-alice")))
                .expectEvents(opened());
    }

    @Test
    void anAdmittedMemberBecomesAContributorOnceAndARejoiningOneIsActiveAgain() {
        ContributorId erin = new ContributorId("m-erin");
        fixture.given(opened()).when(new RegisterContributor(L, erin, "acc-erin"))
                .expectEvents(new ContributorRegistered(L, erin, "acc-erin", NOW));
        fixture.given(opened(), new ContributorRegistered(L, erin, "acc-erin", NOW))
                .when(new RegisterContributor(L, erin, "acc-erin")).expectNoEvents();
        fixture.given(opened(), new ContributorStandingChanged(L, BOB, ContributorStanding.INACTIVE, NOW))
                .when(new RegisterContributor(L, BOB, "acc-bob"))
                .expectEvents(new ContributorStandingChanged(L, BOB, ContributorStanding.ACTIVE, NOW));
    }

    @Test
    void aContributorsStandingFollowsTheMembersStatusAndNoChangeRecordsNothing() {
        fixture.given(opened()).when(new ChangeContributorStanding(L, BOB, ContributorStanding.INACTIVE))
                .expectEvents(new ContributorStandingChanged(L, BOB, ContributorStanding.INACTIVE, NOW));
        fixture.given(opened()).when(new ChangeContributorStanding(L, BOB, ContributorStanding.ACTIVE)).expectNoEvents();
        fixture.given(opened()).when(new ChangeContributorStanding(L, new ContributorId("m-x"), ContributorStanding.ACTIVE))
                .expectException(NotFound.class).expectNoEvents();
    }

    @Test
    void secretariesKeepTheBooksAndGrantingTwiceRecordsNothing() {
        fixture.given(opened()).when(new GrantBookkeeping(L, "acc-bob"))
                .expectEvents(new BookkeepingGranted(L, "acc-bob", NOW));
        fixture.given(opened()).when(new GrantBookkeeping(L, "acc-alice")).expectNoEvents();
        fixture.given(opened()).when(new RevokeBookkeeping(L, "acc-alice"))
                .expectEvents(new BookkeepingRevoked(L, "acc-alice", NOW));
        fixture.given(opened()).when(new RevokeBookkeeping(L, "acc-bob")).expectNoEvents();
    }

    @Test
    void anAmendedEquationIsRecordedOnlyWhenItChanges() {
        ValueEquation richer = new ValueEquation(Map.of("WORK_HOURS", new BigDecimal("2")), 1);
        fixture.given(opened()).when(new ConfigureValueEquation(L, richer))
                .expectEvents(new ValueEquationConfigured(L, richer, NOW));
        fixture.given(opened()).when(new ConfigureValueEquation(L, EQUATION)).expectNoEvents();
    }

    // ---- logging -----------------------------------------------------------------------------------------

    @Test
    void anActiveMemberLogsAContributionWithTheRateAndRequiredEvaluationsInForce() {
        fixture.given(opened()).when(hours(C1, "3.5"), by("acc-bob"))
                .expectEvents(loggedHours(C1, BOB, "bakery", "3.5"));
    }

    @Test
    void onlyMembersLogContributions() {
        fixture.given(opened()).when(hours(C1, "1"), by("acc-stranger"))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void onlyActiveMembersLogContributions() {
        fixture.given(opened(), new ContributorStandingChanged(L, BOB, ContributorStanding.INACTIVE, NOW))
                .when(hours(C1, "1"), by("acc-bob"))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void theTypeIsOneOfTheChartersRateKeys() {
        fixture.given(opened())
                .when(new LogContribution(L, C1, "bakery", "KARMA", BigDecimal.ONE, "Good vibes", TODAY), by("acc-bob"))
                .expectException(field("type")).expectNoEvents();
    }

    @Test
    void theQuantityIsGreaterThanZero() {
        fixture.given(opened()).when(hours(C1, "0"), by("acc-bob")).expectException(field("quantity")).expectNoEvents();
        fixture.given(opened()).when(hours(C1, "-2"), by("acc-bob")).expectException(field("quantity")).expectNoEvents();
        fixture.given(opened()).when(hours(C1, "0.0000001"), by("acc-bob")).expectException(field("quantity")).expectNoEvents();
    }

    @Test
    void aContributionNamesAProjectDescribesItselfAndHappenedAlready() {
        fixture.given(opened())
                .when(new LogContribution(L, C1, "Bakery Website", "WORK_HOURS", BigDecimal.ONE, "x", TODAY), by("acc-bob"))
                .expectException(field("project")).expectNoEvents();
        fixture.given(opened())
                .when(new LogContribution(L, C1, "bakery", "WORK_HOURS", BigDecimal.ONE, " ", TODAY), by("acc-bob"))
                .expectException(field("description")).expectNoEvents();
        fixture.given(opened())
                .when(new LogContribution(L, C1, "bakery", "WORK_HOURS", BigDecimal.ONE, "x", null), by("acc-bob"))
                .expectException(field("occurredOn")).expectNoEvents();
        fixture.given(opened())
                .when(new LogContribution(L, C1, "bakery", "WORK_HOURS", BigDecimal.ONE, "x", TODAY.plusDays(1)), by("acc-bob"))
                .expectException(field("occurredOn")).expectNoEvents();
    }

    @Test
    void anEquationWhoseRatesCouldNotBeReadBackIsRefusedByTheLedgerItself() {
        fixture.given(opened())
                .when(new ConfigureValueEquation(L, new ValueEquation(Map.of("WORK_HOURS", new BigDecimal("1E+1000")), 2)))
                .expectException(field("equation.rates.WORK_HOURS")).expectNoEvents();
        fixture.given(opened())
                .when(new ConfigureValueEquation(L, new ValueEquation(Map.of("WORK_HOURS", new BigDecimal("1E-10000")), 2)))
                .expectException(field("equation.rates.WORK_HOURS")).expectNoEvents();
        fixture.given(opened())
                .when(new ConfigureValueEquation(L, new ValueEquation(Map.of("WORK_HOURS", BigDecimal.ONE), 101)))
                .expectException(field("equation.requiredEvaluations")).expectNoEvents();
    }

    @Test
    void quantitiesAndDatesOutsideTheirBoundsAreRefusedByTheLedgerItself() {
        fixture.given(opened())
                .when(new LogContribution(L, C1, "bakery", "WORK_HOURS", new BigDecimal("1E+1000"), "x", TODAY), by("acc-bob"))
                .expectException(field("quantity")).expectNoEvents();
        fixture.given(opened())
                .when(new LogContribution(L, C1, "bakery", "WORK_HOURS", new BigDecimal("1E-10000"), "x", TODAY), by("acc-bob"))
                .expectException(field("quantity")).expectNoEvents();
        fixture.given(opened())
                .when(new LogContribution(L, C1, "bakery", "WORK_HOURS", BigDecimal.ONE, "x", LocalDate.of(1969, 12, 31)), by("acc-bob"))
                .expectException(field("occurredOn")).expectNoEvents();
        fixture.given(opened())
                .when(new LogContribution(L, C1, "bakery", "WORK_HOURS", BigDecimal.ONE, "Roof\u0000", TODAY), by("acc-bob"))
                .expectException(field("description")).expectNoEvents();
    }

    @Test
    void aQuantityWrittenWithAnExponentIsRecordedPlainly() {
        fixture.given(opened())
                .when(new LogContribution(L, C1, "bakery", "WORK_HOURS", new BigDecimal("1E+3"), "x", TODAY), by("acc-bob"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(new TypeSafeMatcher<Object>() {
                            @Override
                            protected boolean matchesSafely(Object item) {
                                return item instanceof ContributionLogged logged && logged.quantity().scale() == 0
                                        && logged.quantity().equals(new BigDecimal("1000"));
                            }

                            @Override
                            public void describeTo(Description description) {
                                description.appendText("a ContributionLogged with quantity 1000 (scale 0)");
                            }
                        }, org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void revenueBeyondTenToTheFifteenMinorUnitsIsRefused() {
        fixture.given(opened())
                .when(new RecordRevenue(L, R1, "bakery", new BigDecimal("10000000000000.01"), "EUR"), by("acc-alice"))
                .expectException(field("amount")).expectNoEvents();
        fixture.given(opened())
                .when(new RecordRevenue(L, R1, "bakery", new BigDecimal("1E+1000"), "JPY"), by("acc-alice"))
                .expectException(field("amount")).expectNoEvents();
    }

    @Test
    void aNoteWithAControlCharacterIsRefused() {
        fixture.given(opened(), loggedHours(C1, ALICE, "bakery", "1"))
                .when(new EvaluateContribution(L, C1, Verdict.ACCEPT, "ok\u0000"), by("acc-bob"))
                .expectException(field("note")).expectNoEvents();
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        fixture.given(opened())
                .when(new LogContribution(L, C1, "", "KARMA", BigDecimal.ZERO, "", null), by("acc-bob"))
                .expectException(new TypeSafeMatcher<Object>() {
                    @Override
                    protected boolean matchesSafely(Object item) {
                        return item instanceof InvalidInput invalid && invalid.violations().stream().map(v -> v.field()).toList()
                                .equals(List.of("project", "type", "quantity", "description", "occurredOn"));
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("violations of project, type, quantity, description and occurredOn");
                    }
                })
                .expectNoEvents();
    }

    // ---- evaluating --------------------------------------------------------------------------------------

    @Test
    void anotherActiveMemberEvaluatesAContribution() {
        fixture.given(opened(), loggedHours(C1, BOB, "bakery", "3"))
                .when(new EvaluateContribution(L, C1, Verdict.ACCEPT, " Tasty "), by("acc-cara"))
                .expectEvents(new ContributionEvaluated(L, C1, CARA, Verdict.ACCEPT, "Tasty", NOW));
    }

    @Test
    void aContributionIsNeverEvaluatedByItsContributor() {
        fixture.given(opened(), loggedHours(C1, BOB, "bakery", "3"))
                .when(new EvaluateContribution(L, C1, Verdict.ACCEPT, null), by("acc-bob"))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void oneEvaluationPerEvaluator() {
        fixture.given(opened(), loggedHours(C1, BOB, "bakery", "3"), verdict(C1, CARA, Verdict.REJECT))
                .when(new EvaluateContribution(L, C1, Verdict.ACCEPT, null), by("acc-cara"))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void onlyActiveMembersEvaluate() {
        fixture.given(opened(), loggedHours(C1, BOB, "bakery", "3"),
                        new ContributorStandingChanged(L, CARA, ContributorStanding.INACTIVE, NOW))
                .when(new EvaluateContribution(L, C1, Verdict.ACCEPT, null), by("acc-cara"))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(opened(), loggedHours(C1, BOB, "bakery", "3"))
                .when(new EvaluateContribution(L, C1, Verdict.ACCEPT, null), by("acc-stranger"))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void aVerdictIsAcceptOrReject() {
        fixture.given(opened(), loggedHours(C1, BOB, "bakery", "3"))
                .when(new EvaluateContribution(L, C1, null, null), by("acc-cara"))
                .expectException(field("verdict")).expectNoEvents();
    }

    @Test
    void anUnknownContributionIsNotFound() {
        fixture.given(opened())
                .when(new EvaluateContribution(L, C1, Verdict.ACCEPT, null), by("acc-cara"))
                .expectException(NotFound.class).expectNoEvents();
    }

    @Test
    void afterRequiredEvaluationsAcceptsTheContributionIsAcceptedWithQuantityTimesRatePoints() {
        fixture.given(opened(), loggedHours(C1, BOB, "bakery", "3.5"), verdict(C1, CARA, Verdict.ACCEPT))
                .when(new EvaluateContribution(L, C1, Verdict.ACCEPT, null), by("acc-dan"))
                .expectEvents(verdict(C1, DAN, Verdict.ACCEPT), accepted(C1, BOB, "bakery", "3.500000"));
    }

    @Test
    void pointsHaveSixFractionalDigitsRoundedHalfEven() {
        ContributionLogged money = new ContributionLogged(L, C1, BOB, "bakery", "MONEY", new BigDecimal("1.234565"),
                new BigDecimal("0.1"), 1, "Flour", TODAY, NOW);
        fixture.given(opened(), money)
                .when(new EvaluateContribution(L, C1, Verdict.ACCEPT, null), by("acc-cara"))
                .expectEvents(verdict(C1, CARA, Verdict.ACCEPT), accepted(C1, BOB, "bakery", "0.123456"));
        assertThat(ValueEquation.points(new BigDecimal("1.234575"), new BigDecimal("0.1"))).isEqualByComparingTo("0.123458");
    }

    @Test
    void afterRequiredEvaluationsRejectsTheContributionIsRejected() {
        fixture.given(opened(), loggedHours(C1, BOB, "bakery", "3"), verdict(C1, CARA, Verdict.REJECT))
                .when(new EvaluateContribution(L, C1, Verdict.REJECT, null), by("acc-dan"))
                .expectEvents(verdict(C1, DAN, Verdict.REJECT), new ContributionRejected(L, C1, BOB, NOW));
    }

    @Test
    void mixedVerdictsWaitUntilOneKindReachesTheRequiredNumber() {
        fixture.given(opened(), loggedHours(C1, BOB, "bakery", "3"), verdict(C1, CARA, Verdict.REJECT))
                .when(new EvaluateContribution(L, C1, Verdict.ACCEPT, null), by("acc-dan"))
                .expectEvents(verdict(C1, DAN, Verdict.ACCEPT));
    }

    @Test
    void aDecidedContributionTakesNoMoreVerdicts() {
        fixture.given(opened(), loggedHours(C1, BOB, "bakery", "3"), verdict(C1, CARA, Verdict.ACCEPT),
                        verdict(C1, DAN, Verdict.ACCEPT), accepted(C1, BOB, "bakery", "3.000000"))
                .when(new EvaluateContribution(L, C1, Verdict.REJECT, null), by("acc-alice"))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void aContributionKeepsTheRateAndRequiredEvaluationsItWasLoggedWith() {
        ValueEquation amended = new ValueEquation(Map.of("WORK_HOURS", new BigDecimal("10")), 3);
        fixture.given(opened(), loggedHours(C1, BOB, "bakery", "2"), new ValueEquationConfigured(L, amended, NOW),
                        verdict(C1, CARA, Verdict.ACCEPT))
                .when(new EvaluateContribution(L, C1, Verdict.ACCEPT, null), by("acc-dan"))
                .expectEvents(verdict(C1, DAN, Verdict.ACCEPT), accepted(C1, BOB, "bakery", "2.000000"));
        fixture.given(opened(), new ValueEquationConfigured(L, amended, NOW))
                .when(hours(C2, "2"), by("acc-bob"))
                .expectEvents(new ContributionLogged(L, C2, BOB, "bakery", "WORK_HOURS", new BigDecimal("2"),
                        new BigDecimal("10"), 3, "Baked bread", TODAY, NOW));
    }

    // ---- revenue -----------------------------------------------------------------------------------------

    private RecordRevenue revenue(String project, String amount, String currency) {
        return new RecordRevenue(L, R1, project, new BigDecimal(amount), currency);
    }

    @Test
    void onlyASecretaryRecordsRevenue() {
        fixture.given(opened()).when(revenue("bakery", "10.00", "EUR"), by("acc-bob"))
                .expectException(NotAllowed.class).expectNoEvents();
        fixture.given(opened(), new BookkeepingRevoked(L, "acc-alice", NOW)).when(revenue("bakery", "10.00", "EUR"), by("acc-alice"))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void revenueIsSharedProRataToAcceptedPointsFlooredWithLargestRemaindersTiesByMemberId() {
        // 100.00 EUR over 1:1:1 points: 33.33 each, the last cent goes to the smallest member id (all remainders tie)
        fixture.given(opened(),
                        loggedHours(C1, BOB, "bakery", "1"), accepted(C1, BOB, "bakery", "1.000000"),
                        loggedHours(C2, CARA, "bakery", "1"), accepted(C2, CARA, "bakery", "1.000000"),
                        loggedHours(new ContributionId("c-3"), DAN, "bakery", "1"),
                        accepted(new ContributionId("c-3"), DAN, "bakery", "1.000000"))
                .when(revenue("bakery", "100", "EUR"), by("acc-alice"))
                .expectEvents(
                        new RevenueRecorded(L, R1, "bakery", new BigDecimal("100.00"), "EUR", new BigDecimal("0.00"), NOW),
                        allocation(BOB, "33.34", "1.000000", "3.000000"),
                        allocation(CARA, "33.33", "1.000000", "3.000000"),
                        allocation(DAN, "33.33", "1.000000", "3.000000"));
    }

    private static RevenueAllocated allocation(ContributorId to, String amount, String points, String total) {
        return new RevenueAllocated(L, R1, to, "bakery", new BigDecimal(amount), "EUR", new BigDecimal(points),
                new BigDecimal(total), NOW);
    }

    @Test
    void onlyTheProjectsAcceptedPointsShareItsRevenue() {
        fixture.given(opened(),
                        loggedHours(C1, BOB, "bakery", "3"), accepted(C1, BOB, "bakery", "3.000000"),
                        loggedHours(C2, CARA, "garden", "5"), accepted(C2, CARA, "garden", "5.000000"),
                        loggedHours(new ContributionId("c-3"), DAN, "bakery", "4"))
                .when(revenue("bakery", "9.99", "EUR"), by("acc-alice"))
                .expectEvents(
                        new RevenueRecorded(L, R1, "bakery", new BigDecimal("9.99"), "EUR", new BigDecimal("0.00"), NOW),
                        allocation(BOB, "9.99", "3.000000", "3.000000"));
    }

    @Test
    void aProjectWithNoPointsKeepsItsRevenueUnallocated() {
        fixture.given(opened(), loggedHours(C1, BOB, "bakery", "3"))
                .when(revenue("bakery", "50", "EUR"), by("acc-alice"))
                .expectEvents(new RevenueRecorded(L, R1, "bakery", new BigDecimal("50.00"), "EUR", new BigDecimal("50.00"), NOW));
    }

    @Test
    void aRevenueIsAPositiveAmountInAKnownCurrencyNoFinerThanItsMinorUnit() {
        fixture.given(opened()).when(revenue("bakery", "0", "EUR"), by("acc-alice"))
                .expectException(field("amount")).expectNoEvents();
        fixture.given(opened()).when(revenue("bakery", "1.005", "EUR"), by("acc-alice"))
                .expectException(field("amount")).expectNoEvents();
        fixture.given(opened()).when(revenue("bakery", "1.5", "JPY"), by("acc-alice"))
                .expectException(field("amount")).expectNoEvents();
        fixture.given(opened()).when(revenue("bakery", "1", "EURO"), by("acc-alice"))
                .expectException(field("currency")).expectNoEvents();
        fixture.given(opened()).when(revenue("Bakery!", "1", "EUR"), by("acc-alice"))
                .expectException(field("project")).expectNoEvents();
    }

    @Test
    void aRevenueInACurrencyWithThreeMinorDigitsIsSharedInThousandths() {
        fixture.given(opened(),
                        loggedHours(C1, BOB, "bakery", "2"), accepted(C1, BOB, "bakery", "2.000000"),
                        loggedHours(C2, CARA, "bakery", "1"), accepted(C2, CARA, "bakery", "1.000000"))
                .when(new RecordRevenue(L, R1, "bakery", new BigDecimal("1"), "BHD"), by("acc-alice"))
                .expectEvents(
                        new RevenueRecorded(L, R1, "bakery", new BigDecimal("1.000"), "BHD", new BigDecimal("0.000"), NOW),
                        new RevenueAllocated(L, R1, BOB, "bakery", new BigDecimal("0.667"), "BHD", new BigDecimal("2.000000"),
                                new BigDecimal("3.000000"), NOW),
                        new RevenueAllocated(L, R1, CARA, "bakery", new BigDecimal("0.333"), "BHD", new BigDecimal("1.000000"),
                                new BigDecimal("3.000000"), NOW));
    }

    // ---- budget allocations ------------------------------------------------------------------------------

    private static final Instant DECIDED = Instant.parse("2026-03-31T18:00:00Z");

    private static RecordBudgetAllocation budget(String decidedBy, List<BudgetAllocationLine> lines, String leftover) {
        return new RecordBudgetAllocation(L, decidedBy, "EUR", new BigDecimal("100.00"), lines, new BigDecimal(leftover), DECIDED);
    }

    private static List<BudgetAllocationLine> bikesAndGarden() {
        return List.of(new BudgetAllocationLine("bikes", "Cargo bikes", new BigDecimal("40.00")),
                new BudgetAllocationLine("garden", "A community garden", new BigDecimal("55")));
    }

    @Test
    void aDecidedBudgetIsRecordedAsAllocationsToBeSpentNamingTheDecision() {
        fixture.given(opened())
                .when(budget("p-1", bikesAndGarden(), "5.00"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetAllocationRecorded(L, "p-1", "EUR", new BigDecimal("100.00"), bikesAndGarden(),
                        new BigDecimal("5.00"), DECIDED, NOW));
    }

    @Test
    void theSameDecisionIsRecordedOnceHoweverOftenGovernanceSendsIt() {
        fixture.given(opened(), new BudgetAllocationRecorded(L, "p-1", "EUR", new BigDecimal("100.00"), bikesAndGarden(),
                        new BigDecimal("5.00"), DECIDED, NOW))
                .when(budget("p-1", bikesAndGarden(), "5.00"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(opened(), new BudgetAllocationRecorded(L, "p-1", "EUR", new BigDecimal("100.00"), bikesAndGarden(),
                        new BigDecimal("5.00"), DECIDED, NOW))
                .when(budget("p-2", bikesAndGarden(), "5.00"))
                .expectEvents(new BudgetAllocationRecorded(L, "p-2", "EUR", new BigDecimal("100.00"), bikesAndGarden(),
                        new BigDecimal("5.00"), DECIDED, NOW));
    }

    @Test
    void anAllocationThatCouldNotBeReadBackIsRefusedByTheLedgerItself() {
        fixture.given(opened()).when(budget("p-1", List.of(new BudgetAllocationLine("bikes", "Cargo bikes",
                        new BigDecimal("1E+1000"))), "0"))
                .expectException(field("lines[0].amount")).expectNoEvents();
        fixture.given(opened()).when(budget("p-1", List.of(new BudgetAllocationLine("bikes", "Cargo bikes",
                        new BigDecimal("0.001"))), "0"))
                .expectException(field("lines[0].amount")).expectNoEvents();
        fixture.given(opened()).when(budget("p-1", List.of(new BudgetAllocationLine("bikes", "Cargo\u0000bikes",
                        new BigDecimal("1"))), "0"))
                .expectException(field("lines[0].label")).expectNoEvents();
        fixture.given(opened()).when(budget("p-1", bikesAndGarden(), "-1"))
                .expectException(field("leftover")).expectNoEvents();
        fixture.given(opened()).when(new RecordBudgetAllocation(L, "p-1", "EURO", new BigDecimal("100"), bikesAndGarden(),
                        BigDecimal.ZERO, DECIDED))
                .expectException(field("currency")).expectNoEvents();
        fixture.given(opened()).when(budget(" ", bikesAndGarden(), "5"))
                .expectException(field("decidedBy")).expectNoEvents();
    }

    // ---- spending a budget allocation --------------------------------------------------------------------

    private static final Instant SPENT_AT = Instant.parse("2026-04-01T12:00:00Z");

    /** p-1 allocated 40.00 EUR to bikes and 55 EUR to garden, 5.00 EUR left over. */
    private static BudgetAllocationRecorded decided() {
        return new BudgetAllocationRecorded(L, "p-1", "EUR", new BigDecimal("100.00"), bikesAndGarden(),
                new BigDecimal("5.00"), DECIDED, NOW);
    }

    private static MarkBudgetAllocationSpent spend(String project, String amount, String note) {
        return new MarkBudgetAllocationSpent(L, "p-1", project, amount == null ? null : new BigDecimal(amount), note);
    }

    private static BudgetAllocationSpent spent(String project, String label, String allocated, String amount, String remaining,
                                               String note) {
        return new BudgetAllocationSpent(L, "p-1", project, label, "EUR", new BigDecimal(allocated), new BigDecimal(amount),
                new BigDecimal(remaining), note, "acc-alice", SPENT_AT);
    }

    @Test
    void aSecretaryMarksABudgetLineSpentRecordingLabelCurrencyAllocatedSpentRemainingWhoAndWhen() {
        fixture.given(opened(), decided())
                .when(spend("garden", "52.5", "  Invoice 2026-041, seeds and soil \n"), by("acc-alice"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(spent("garden", "A community garden", "55.00", "52.50", "2.50", "Invoice 2026-041, seeds and soil"));
    }

    @Test
    void aLineMaySpendLessThanItsAllocationOrNothingAtAllAndNeedsNoNote() {
        fixture.given(opened(), decided())
                .when(spend("bikes", "0", null), by("acc-alice"))
                .expectEvents(spent("bikes", "Cargo bikes", "40.00", "0.00", "40.00", null));
        fixture.given(opened(), decided())
                .when(spend("bikes", "40", " "), by("acc-alice"))
                .expectEvents(spent("bikes", "Cargo bikes", "40.00", "40.00", "0.00", null));
    }

    @Test
    void aLineNeverSpendsMoreThanItAllocatesTheAmountIsRefused() {
        fixture.given(opened(), decided())
                .when(spend("bikes", "40.01", null), by("acc-alice"))
                .expectException(field("amount")).expectNoEvents();
    }

    @Test
    void aSpentAmountIsAtLeastZeroAndNoFinerThanTheBudgetCurrencysMinorUnit() {
        for (String bad : new String[]{"-0.01", "1.005", "1E+1000", "1E-10000"}) {
            fixture.given(opened(), decided())
                    .when(spend("bikes", bad, null), by("acc-alice"))
                    .expectException(field("amount")).expectNoEvents();
        }
        fixture.given(opened(), decided())
                .when(spend("bikes", null, null), by("acc-alice"))
                .expectException(field("amount")).expectNoEvents();
        fixture.given(opened(), new BudgetAllocationRecorded(L, "p-1", "JPY", new BigDecimal("1000"),
                        List.of(new BudgetAllocationLine("bikes", "Cargo bikes", new BigDecimal("800"))), new BigDecimal("200"), DECIDED, NOW))
                .when(spend("bikes", "799.5", null), by("acc-alice"))
                .expectException(field("amount")).expectNoEvents();
    }

    @Test
    void aSpendingNoteIsOptionalStorableTextOfAtMost2000Characters() {
        fixture.given(opened(), decided())
                .when(spend("bikes", "10", "x".repeat(2001)), by("acc-alice"))
                .expectException(field("note")).expectNoEvents();
        fixture.given(opened(), decided())
                .when(spend("bikes", "10", "bell\u0007"), by("acc-alice"))
                .expectException(field("note")).expectNoEvents();
    }

    @Test
    void onlyASecretaryMarksABudgetLineSpent() {
        fixture.given(opened(), decided())
                .when(spend("bikes", "10", null), by("acc-bob"))
                .expectException(NotAllowed.class).expectNoEvents();
        fixture.given(opened(), decided(), new BookkeepingRevoked(L, "acc-alice", NOW))
                .when(spend("bikes", "10", null), by("acc-alice"))
                .expectException(NotAllowed.class).expectNoEvents();
        fixture.given(opened(), decided())
                .when(spend("bikes", "10", null))
                .expectException(NotAllowed.class).expectNoEvents();
    }

    @Test
    void aLineOfAnUnknownDecisionOrAProjectTheDecisionDidNotFundIsNotFound() {
        fixture.given(opened(), decided())
                .when(new MarkBudgetAllocationSpent(L, "p-2", "bikes", BigDecimal.ONE, null), by("acc-alice"))
                .expectException(NotFound.class).expectNoEvents();
        fixture.given(opened(), decided())
                .when(spend("roof", "1", null), by("acc-alice"))
                .expectException(NotFound.class).expectNoEvents();
    }

    @Test
    void aLineIsMarkedSpentOnceWhileTheBudgetsOtherLinesStayOpen() {
        fixture.given(opened(), decided(), spent("bikes", "Cargo bikes", "40.00", "38.00", "2.00", null))
                .when(spend("bikes", "1", null), by("acc-alice"))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(opened(), decided(), spent("bikes", "Cargo bikes", "40.00", "38.00", "2.00", null))
                .when(spend("garden", "55", null), by("acc-alice"))
                .expectEvents(spent("garden", "A community garden", "55.00", "55.00", "0.00", null));
    }
}
