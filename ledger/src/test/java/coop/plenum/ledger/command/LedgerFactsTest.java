package coop.plenum.ledger.command;

import coop.plenum.ledger.ContributionAccepted;
import coop.plenum.ledger.ContributionId;
import coop.plenum.ledger.Contributor;
import coop.plenum.ledger.ContributorId;
import coop.plenum.ledger.LedgerFacts;
import coop.plenum.ledger.LedgerId;
import coop.plenum.ledger.LedgerOpened;
import coop.plenum.ledger.ContributionLogged;
import coop.plenum.ledger.ValueEquation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Voting power": the points the electorate snapshot reads from the ledger, as of the instant voting opens. */
class LedgerFactsTest {

    private static final LedgerId L = new LedgerId("ledger-coop-1");
    private static final ContributorId BOB = new ContributorId("m-bob");
    private static final ContributorId CARA = new ContributorId("m-cara");
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    private final Ledger ledger = new Ledger();
    private int next;

    LedgerFactsTest() {
        ledger.on(new LedgerOpened(L, new ValueEquation(Map.of("WORK_HOURS", BigDecimal.ONE), 1),
                List.of(new Contributor(BOB, "acc-bob"), new Contributor(CARA, "acc-cara")), Set.of(), T.minusSeconds(86_400 * 400)));
    }

    private void accepted(ContributorId who, String points, LocalDate occurredOn, Instant acceptedAt) {
        ContributionId id = new ContributionId("c-" + ++next);
        ledger.on(new ContributionLogged(L, id, who, "bakery", "WORK_HOURS", new BigDecimal(points), BigDecimal.ONE, 1, "x",
                occurredOn, acceptedAt));
        ledger.on(new ContributionAccepted(L, id, who, "bakery", occurredOn, new BigDecimal(points), acceptedAt));
    }

    @Test
    void onlyContributionsAcceptedByTheSnapshotInstantCount() {
        accepted(BOB, "5", LocalDate.of(2026, 11, 1), T.minusSeconds(1));
        accepted(BOB, "7", LocalDate.of(2026, 11, 1), T);
        accepted(BOB, "11", LocalDate.of(2026, 11, 1), T.plusMillis(1));
        LedgerFacts facts = ledger.facts();
        assertThat(facts.acceptedPoints(BOB, T, null)).isEqualByComparingTo("12");
        assertThat(facts.acceptedPoints(BOB, T.plusSeconds(1), null)).isEqualByComparingTo("23");
        assertThat(facts.acceptedPoints(CARA, T, null)).isEqualByComparingTo("0");
    }

    @Test
    void withAWindowOnlyContributionsThatOccurredInItsDaysCount() {
        accepted(BOB, "5", LocalDate.of(2026, 10, 23), T.minusSeconds(60));   // 30 days before the snapshot's day: out
        accepted(BOB, "7", LocalDate.of(2026, 10, 24), T.minusSeconds(60));   // the window's first day: in
        accepted(BOB, "11", LocalDate.of(2026, 11, 22), T.minusSeconds(60));  // the snapshot's day: in
        assertThat(ledger.facts().acceptedPoints(BOB, T, 30)).isEqualByComparingTo("18");
        assertThat(ledger.facts().acceptedPoints(BOB, T, null)).isEqualByComparingTo("23");
    }
}
