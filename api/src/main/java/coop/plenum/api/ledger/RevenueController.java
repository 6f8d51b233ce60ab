package coop.plenum.api.ledger;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Locations;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.kernel.IdGenerator;
import coop.plenum.ledger.RecordRevenue;
import coop.plenum.ledger.RevenueId;
import coop.plenum.ledger.query.FindRevenues;
import coop.plenum.ledger.query.RevenueView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/** Revenues and their allocations: a secretary records, the Ledger aggregate distributes; members and auditors read. */
@RestController
@RequestMapping("/api/v1/cooperatives/{cooperativeId}/revenues")
@Tag(name = "Ledger")
class RevenueController {

    private static final String CORRELATION = "X-Correlation-Id";

    private final Commands commands;
    private final Queries queries;
    private final CooperativeAccess access;
    private final IdGenerator ids;
    private final LedgerOfCooperative ledgers;

    RevenueController(Commands commands, Queries queries, CooperativeAccess access, IdGenerator ids, LedgerOfCooperative ledgers) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.ids = ids;
        this.ledgers = ledgers;
    }

    @PostMapping
    @Operation(summary = "Record a project's revenue and distribute it pro rata to accepted points (secretary)")
    @ApiResponse(responseCode = "201", description = "created")
    Mono<ResponseEntity<RevenueJson>> record(@PathVariable String cooperativeId, @RequestBody RevenueRequest request,
                                             @AuthenticationPrincipal PlenumUser user,
                                             @RequestHeader(value = CORRELATION, required = false) String correlation) {
        RevenueId id = new RevenueId(ids.newId());
        return access.existing(cooperativeId)
                .flatMap(coop -> commands.send(new RecordRevenue(LedgerOfCooperative.ledgerOf(coop.cooperativeId()), id,
                                request.project(), request.amount(), request.currency()), user.caller(correlation))
                        .then(revenues(coop.cooperativeId(), null))
                        .map(list -> list.stream().filter(r -> r.revenueId().equals(id.value())).findFirst().orElseThrow()))
                .map(json -> ResponseEntity.created(Locations.of("/api/v1/cooperatives/{c}/revenues/{id}", cooperativeId, id.value()))
                        .body(json));
    }

    @GetMapping
    @Operation(summary = "Revenues with their allocations, newest first, optionally of one project (members, auditors)")
    Mono<List<RevenueJson>> list(@PathVariable String cooperativeId, @RequestParam(required = false) String project,
                                 @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user)
                .flatMap(granted -> revenues(granted.cooperative().cooperativeId(), project == null || project.isBlank() ? null : project));
    }

    private Mono<List<RevenueJson>> revenues(CooperativeId coop, String project) {
        return queries.many(new FindRevenues(LedgerOfCooperative.ledgerOf(coop), project), RevenueView.class)
                .zipWith(ledgers.names(coop))
                .map(t -> t.getT1().stream().map(r -> RevenueJson.of(r, t.getT2())).toList());
    }
}
