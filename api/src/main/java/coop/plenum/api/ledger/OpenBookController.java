package coop.plenum.api.ledger;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.ledger.query.ContributionView;
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

    OpenBookController(Queries queries, CooperativeAccess access, LedgerOfCooperative ledgers) {
        this.queries = queries;
        this.access = access;
        this.ledgers = ledgers;
    }

    @GetMapping("/open-book")
    @Operation(summary = "Per-member accepted points and earnings, per-project points and revenue (members, auditors)")
    Mono<OpenBookJson> totals(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).flatMap(granted -> {
            CooperativeId coop = granted.cooperative().cooperativeId();
            return queries.one(new FindOpenBook(LedgerOfCooperative.ledgerOf(coop)), OpenBookView.class)
                    .zipWith(ledgers.names(coop))
                    .map(t -> OpenBookJson.of(t.getT1(), t.getT2()));
        });
    }

    @GetMapping(value = "/open-book.csv", produces = "text/csv")
    @Operation(summary = "Every contribution, evaluation, revenue and allocation as CSV, oldest first (members, auditors)")
    Mono<ResponseEntity<String>> csv(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).flatMap(granted -> {
            CooperativeId coop = granted.cooperative().cooperativeId();
            var ledger = LedgerOfCooperative.ledgerOf(coop);
            return queries.many(new FindContributions(ledger, null, null, null), ContributionView.class)
                    .zipWith(queries.many(new FindRevenues(ledger, null), RevenueView.class))
                    .zipWith(ledgers.names(coop))
                    .map(t -> ResponseEntity.ok()
                            .contentType(CSV)
                            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"open-book-" + coop.value() + ".csv\"")
                            .body(OpenBookCsv.of(t.getT1().getT1(), t.getT1().getT2(), t.getT2())));
        });
    }
}
