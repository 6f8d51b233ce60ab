package coop.plenum.governance.ledger;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.BudgetAllocated;
import coop.plenum.ledger.BudgetAllocationLine;
import coop.plenum.ledger.BudgetAllocationRecorded;
import coop.plenum.ledger.LedgerId;
import coop.plenum.ledger.LedgerOpened;
import coop.plenum.ledger.ValueEquation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "An accepted budget records the funded projects, and the ledger shows them as allocations to be spent": the ledger
 * policy turns {@link BudgetAllocated} into the ledger's command, and a redelivered event (the policy's processor
 * replays from its last token after a crash) records nothing the second time.
 */
class LedgerPolicyBudgetAllocationTest {

    private static final Instant CLOSED = Instant.parse("2026-04-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-04-01T10:00:01Z");
    private static final CooperativeId COOP = new CooperativeId("coop-1");
    private static final LedgerId LEDGER = LedgerId.ofCooperative("coop-1");
    private static final BudgetAllocated ALLOCATED = new BudgetAllocated(new ProposalId("p-1"), COOP, CLOSED, "EUR",
            new BigDecimal("100"), List.of(new BudgetAllocated.Allocation("bikes", "Cargo bikes", new BigDecimal("40")),
            new BudgetAllocated.Allocation("garden", "A community garden", new BigDecimal("60.00"))), new BigDecimal("0"));

    private AggregateTestFixture<?> fixture;

    @BeforeEach
    @SuppressWarnings({"unchecked", "rawtypes"})
    void theLedgerAggregate() throws ClassNotFoundException {
        // the Ledger aggregate is package-private to its module; the fixture needs only its class
        fixture = new AggregateTestFixture(Class.forName("coop.plenum.ledger.command.Ledger"));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static LedgerOpened opened() {
        return new LedgerOpened(LEDGER, new ValueEquation(Map.of("WORK_HOURS", BigDecimal.ONE), 1), List.of(), Set.of(), CLOSED);
    }

    private static BudgetAllocationRecorded recorded() {
        return new BudgetAllocationRecorded(LEDGER, "p-1", "EUR", new BigDecimal("100"),
                List.of(new BudgetAllocationLine("bikes", "Cargo bikes", new BigDecimal("40")),
                        new BudgetAllocationLine("garden", "A community garden", new BigDecimal("60.00"))),
                new BigDecimal("0"), CLOSED, NOW);
    }

    @Test
    void anAcceptedBudgetIsRecordedInTheCooperativesLedgerAsAllocationsNamingTheProposal() {
        fixture.given(opened()).when(LedgerPolicy.allocationOf(ALLOCATED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(recorded());
    }

    @Test
    void aRedeliveredBudgetAllocatedSendsTheSameCommandAndRecordsNothingTheSecondTime() {
        assertThat(LedgerPolicy.allocationOf(ALLOCATED)).isEqualTo(LedgerPolicy.allocationOf(ALLOCATED));
        fixture.given(opened(), recorded()).when(LedgerPolicy.allocationOf(ALLOCATED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
