package coop.plenum.ledger.query;

import coop.plenum.governance.storage.EmbeddedReadModelStore;
import coop.plenum.ledger.BudgetAllocationLine;
import coop.plenum.ledger.BudgetAllocationRecorded;
import coop.plenum.ledger.BudgetAllocationSpent;
import coop.plenum.ledger.LedgerId;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, "the ledger shows them as allocations to be spent", once lines are spent: given these events, the
 * budget allocations read model answers allocated, spent and remaining per line and in total; a redelivered event
 * changes nothing; a replay from the log gives the same answer; and a document written before spending was recorded
 * reads as all to be spent. The projection's handlers against the embedded MongoDB-wire server.
 */
class SpentBudgetLinesInTheReadModelTest extends EmbeddedReadModelStore {

    private static final LedgerId L = LedgerId.ofCooperative("c1");
    private static final Instant DECIDED = Instant.parse("2026-11-30T18:00:00Z");
    private static final Instant SPENT_AT = Instant.parse("2026-12-02T09:30:00Z");

    private LedgerProjection projection;

    @BeforeEach
    void start() {
        projection = new LedgerProjection(mongo);
    }

    private static BudgetAllocationRecorded decided() {
        return new BudgetAllocationRecorded(L, "p-1", "EUR", new BigDecimal("120.00"),
                List.of(new BudgetAllocationLine("bikes", "Cargo bikes", new BigDecimal("40.00")),
                        new BudgetAllocationLine("garden", "A community garden", new BigDecimal("60"))),
                new BigDecimal("20.00"), DECIDED, DECIDED.plusSeconds(1));
    }

    private static BudgetAllocationSpent bikesSpent() {
        return new BudgetAllocationSpent(L, "p-1", "bikes", "Cargo bikes", "EUR", new BigDecimal("40.00"),
                new BigDecimal("37.90"), new BigDecimal("2.10"), "Invoice 41", "acc-alice", SPENT_AT);
    }

    private BudgetAllocationView theBudget() {
        List<BudgetAllocationView> all = projection.handle(new FindBudgetAllocations(L)).join();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static String amounts(BudgetAllocationView b) {
        StringBuilder s = new StringBuilder();
        for (BudgetAllocationView.Line l : b.lines()) {
            s.append(l.project()).append(' ').append(l.amount()).append('/').append(b.spentOn(l)).append('/')
                    .append(b.remainingOf(l)).append(l.isSpent() ? " spent" : " to be spent").append("; ");
        }
        return s.append("total ").append(b.allocated()).append('/').append(b.spent()).append('/').append(b.remaining()).toString();
    }

    @Test
    void aSpentLineShowsWhatWasSpentAndWhatRemainsAndTheBudgetItsTotals() {
        projection.on(decided());
        assertThat(amounts(theBudget())).isEqualTo(
                "bikes 40.00/0.00/40.00 to be spent; garden 60/0.00/60.00 to be spent; total 100.00/0.00/100.00");

        projection.on(bikesSpent());

        BudgetAllocationView budget = theBudget();
        assertThat(amounts(budget)).isEqualTo(
                "bikes 40.00/37.90/2.10 spent; garden 60/0.00/60.00 to be spent; total 100.00/37.90/62.10");
        BudgetAllocationView.Spending spending = budget.lines().get(0).spending();
        assertThat(spending.note()).isEqualTo("Invoice 41");
        assertThat(spending.spentBy()).isEqualTo("acc-alice");
        assertThat(spending.spentAt()).isEqualTo(SPENT_AT);
        assertThat(budget.fullySpent()).isFalse();
    }

    @Test
    void aRedeliveredSpendingChangesNothing() {
        projection.on(decided());
        projection.on(bikesSpent());
        BudgetAllocationView once = theBudget();

        projection.on(decided());
        projection.on(bikesSpent());

        assertThat(theBudget()).isEqualTo(once);
        assertThat(mongo.findAll(Document.class, LedgerProjection.ALLOCATIONS).collectList().block())
                .singleElement().satisfies(d -> assertThat(d.getList("spendings", Document.class)).hasSize(1));
    }

    @Test
    void replayingTheLogGivesTheSameReadModel() {
        projection.on(decided());
        projection.on(bikesSpent());
        BudgetAllocationView before = theBudget();

        projection.dropBeforeReplay();
        assertThat(projection.handle(new FindBudgetAllocations(L)).join()).isEmpty();
        projection.on(decided());
        projection.on(bikesSpent());

        assertThat(theBudget()).isEqualTo(before);
    }

    @Test
    void aBudgetDocumentWrittenBeforeSpendingWasRecordedReadsAsAllToBeSpent() {
        // the layout before issue 15's spending: no "spendings" field at all
        mongo.insert(new Document("_id", L.value() + "/p-1").append("ledgerId", L.value()).append("decidedBy", "p-1")
                .append("currency", "EUR").append("budget", new BigDecimal("120.00")).append("leftover", new BigDecimal("20.00"))
                .append("decidedAt", DECIDED).append("recordedAt", DECIDED)
                .append("lines", List.of(new Document("project", "bikes").append("label", "Cargo bikes")
                        .append("amount", new BigDecimal("40.00")))), LedgerProjection.ALLOCATIONS).block();

        assertThat(amounts(theBudget())).isEqualTo("bikes 40.00/0.00/40.00 to be spent; total 40.00/0.00/40.00");

        projection.on(bikesSpent());
        assertThat(amounts(theBudget())).isEqualTo("bikes 40.00/37.90/2.10 spent; total 40.00/37.90/2.10");
        assertThat(theBudget().fullySpent()).isTrue();
    }
}
