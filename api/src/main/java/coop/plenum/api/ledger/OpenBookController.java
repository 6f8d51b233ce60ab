package coop.plenum.api.ledger;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.ledger.query.BudgetAllocationView;
import coop.plenum.ledger.query.ContributionView;
import coop.plenum.ledger.query.FindBudgetAllocations;
import coop.plenum.ledger.query.FindContributions;
import coop.plenum.ledger.query.FindOpenBook;
import coop.plenum.ledger.query.FindRevenues;
import coop.plenum.ledger.query.OpenBookView;
import coop.plenum.ledger.query.RevenueView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The open book: totals per member and project, and every entry as CSV. Readable by every member and auditor. */
@RestController
@RequestMapping("/api/v1/cooperatives/{cooperativeId}")
@Tag(name = "Ledger")
class OpenBookController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final Queries queries;
    private final CooperativeAccess access;
    private final LedgerOfCooperative ledgers;
    private final BudgetAllocations budgets;

    OpenBookController(Queries queries, CooperativeAccess access, LedgerOfCooperative ledgers, BudgetAllocations budgets) {
        this.budgets = budgets;
        this.queries = queries;
        this.access = access;
        this.ledgers = ledgers;
    }

    @GetMapping("/open-book")
    @Operation(summary = "Per-member accepted points and earnings, per-project points and revenue, and the decided "
            + "budgets with what each funded project was allocated and spent (members, auditors)")
    Mono<OpenBookJson> totals(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).flatMap(granted -> {
            CooperativeId coop = granted.cooperative().cooperativeId();
            return Mono.zip(queries.one(new FindOpenBook(LedgerOfCooperative.ledgerOf(coop)), OpenBookView.class),
                            ledgers.names(coop), budgets.of(coop))
                    .map(t -> OpenBookJson.of(t.getT1(), t.getT2(), t.getT3()));
        });
    }

    @GetMapping(value = "/open-book.csv", produces = "text/csv")
    @Operation(summary = "Every contribution, evaluation, revenue and allocation, and every budget allocation and spending "
            + "(BUDGET_ALLOCATION, BUDGET_SPENT rows), as CSV, oldest first (members, auditors)")
    Mono<ResponseEntity<String>> csv(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).flatMap(granted -> {
            CooperativeId coop = granted.cooperative().cooperativeId();
            var ledger = LedgerOfCooperative.ledgerOf(coop);
            return Mono.zip(queries.many(new FindContributions(ledger, null, null, null), ContributionView.class),
                            queries.many(new FindRevenues(ledger, null), RevenueView.class),
                            queries.many(new FindBudgetAllocations(ledger), BudgetAllocationView.class),
                            ledgers.names(coop))
                    .map(t -> ResponseEntity.ok()
                            .contentType(CSV)
                            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"open-book-" + coop.value() + ".csv\"")
                            .body(OpenBookCsv.of(t.getT1(), t.getT2(), t.getT3(), t.getT4())));
        });
    }
}
