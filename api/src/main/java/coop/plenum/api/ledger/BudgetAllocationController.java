package coop.plenum.api.ledger;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.kernel.Ids;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Violation;
import coop.plenum.ledger.MarkBudgetAllocationSpent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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

import java.util.ArrayList;
import java.util.List;

/**
 * Budget allocations: what accepted BUDGET votes funded, to be spent; members and auditors read them, a secretary
 * marks each line spent.
 */
@RestController
@RequestMapping("/api/v1/cooperatives/{cooperativeId}/allocations")
@Tag(name = "Ledger")
class BudgetAllocationController {

    private static final String CORRELATION = "X-Correlation-Id";

    private final CooperativeAccess access;
    private final BudgetAllocations allocations;
    private final Commands commands;

    BudgetAllocationController(CooperativeAccess access, BudgetAllocations allocations, Commands commands) {
        this.access = access;
        this.allocations = allocations;
        this.commands = commands;
    }

    @GetMapping
    @Operation(summary = "Budget allocations decided by accepted BUDGET votes, the latest decision first, optionally of one "
            + "proposal (members, auditors)")
    Mono<List<BudgetAllocationJson>> list(@PathVariable String cooperativeId, @RequestParam(required = false) String proposal,
                                          @AuthenticationPrincipal PlenumUser user) {
        return Mono.fromCallable(() -> proposalFilter(proposal))
                .then(access.requireReader(cooperativeId, user))
                .flatMap(granted -> allocations.of(granted.cooperative().cooperativeId()))
                .map(list -> list.stream()
                        .filter(d -> proposal == null || proposal.isBlank() || d.allocation().decidedBy().equals(proposal.strip()))
                        .map(BudgetAllocationJson::of).toList());
    }

    @PostMapping("/{proposalId}/spending")
    @Operation(summary = "Mark one funded project of a decided budget spent, with the amount spent (0 up to the amount "
            + "allocated, in the budget's currency) and an optional note; a line is marked once (secretary)")
    @ApiResponse(responseCode = "200", description = "the decided budget as it now stands, the line SPENT")
    Mono<BudgetAllocationJson> spend(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                     @RequestBody SpendingRequest request, @AuthenticationPrincipal PlenumUser user,
                                     @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return Mono.fromCallable(() -> wellFormed("proposalId", proposalId))
                .then(access.existing(cooperativeId))
                .flatMap(coop -> commands.send(new MarkBudgetAllocationSpent(LedgerOfCooperative.ledgerOf(coop.cooperativeId()),
                                proposalId, request.project(), request.amount(), request.note()), user.caller(correlation))
                        .then(allocations.of(coop.cooperativeId())))
                .map(list -> list.stream().filter(d -> d.allocation().decidedBy().equals(proposalId))
                        .map(BudgetAllocationJson::of).findFirst().orElseThrow());
    }

    private static String wellFormed(String field, String id) {
        List<Violation> v = new ArrayList<>();
        Ids.wellFormed(field, id, v);
        if (!v.isEmpty()) {
            throw new InvalidInput(v);
        }
        return id;
    }

    private static String proposalFilter(String proposal) {
        if (proposal != null && !proposal.isBlank()) {
            List<Violation> v = new ArrayList<>();
            Ids.wellFormed("proposal", proposal.strip(), v);
            if (!v.isEmpty()) {
                throw new InvalidInput(v);
            }
        }
        return "";
    }
}
