package coop.plenum.api.ledger;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.kernel.Ids;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/** Budget allocations: what accepted BUDGET votes funded, to be spent; members and auditors read them. */
@RestController
@RequestMapping("/api/v1/cooperatives/{cooperativeId}/allocations")
@Tag(name = "Ledger")
class BudgetAllocationController {

    private final CooperativeAccess access;
    private final BudgetAllocations allocations;

    BudgetAllocationController(CooperativeAccess access, BudgetAllocations allocations) {
        this.access = access;
        this.allocations = allocations;
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
