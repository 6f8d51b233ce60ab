package coop.plenum.api.proposal;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.proposal.query.BudgetPaymentsView;
import coop.plenum.governance.proposal.query.FindBudgetPayments;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.StateConflict;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Issue 15, "the result lists … what each supporter paid": one member's payments in a decided BUDGET vote. An open
 * budget's count is public, so any member or auditor of the cooperative reads anyone's; a SECRET budget's never
 * (what a voter paid towards tells what they approved).
 */
@RestController
@RequestMapping("/api/v1/cooperatives/{cooperativeId}/proposals")
@Tag(name = "Proposals")
class BudgetPaymentsController {

    private final Queries queries;
    private final CooperativeAccess access;
    private final ProposalsOfCooperative proposals;

    BudgetPaymentsController(Queries queries, CooperativeAccess access, ProposalsOfCooperative proposals) {
        this.queries = queries;
        this.access = access;
        this.proposals = proposals;
    }

    @GetMapping("/{proposalId}/budget/payments/{memberId}")
    @Operation(summary = "What one member paid in a decided BUDGET vote: per funded project, in the order bought, the "
            + "amount in the budget's currency (exact and rounded), their share and the total (members, auditors). 404 "
            + "budget.payments-not-a-budget for a proposal of another method, 404 budget.payments-not-in-electorate for a "
            + "member not in the vote's electorate, 409 budget.payments-not-decided before the vote closes, 409 "
            + "budget.payments-secret for a SECRET budget (payments would tell what each voter approved)")
    @ApiResponse(responseCode = "200", description = "the member's payments (none when they paid nothing)")
    @ApiResponse(responseCode = "404", description = "no such proposal here, not a budget, or a member not in its electorate")
    @ApiResponse(responseCode = "409", description = "the budget is not decided yet, or it was a secret vote")
    Mono<BudgetPaymentsJson> payments(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                      @PathVariable String memberId, @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user)
                .then(Mono.fromCallable(() -> new MemberId(memberId)))
                .flatMap(member -> paymentsOf(cooperativeId, proposalId, member));
    }

    @GetMapping("/{proposalId}/budget/payments/me")
    @Operation(summary = "What the caller paid in a decided BUDGET vote, as /budget/payments/{memberId} answers for "
            + "their membership of the cooperative (404 budget.payments-not-in-electorate for an account with none)")
    @ApiResponse(responseCode = "200", description = "the caller's payments (none when they paid nothing)")
    @ApiResponse(responseCode = "404", description = "no such proposal here, not a budget, or the caller not in its electorate")
    @ApiResponse(responseCode = "409", description = "the budget is not decided yet, or it was a secret vote")
    Mono<BudgetPaymentsJson> mine(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                  @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).flatMap(granted -> {
            MemberId me = granted.access().memberId();
            if (me == null) {
                return proposals.require(cooperativeId, proposalId).then(Mono.error(notInElectorate()));
            }
            return paymentsOf(cooperativeId, proposalId, me);
        });
    }

    private Mono<BudgetPaymentsJson> paymentsOf(String cooperativeId, String proposalId, MemberId member) {
        return proposals.require(cooperativeId, proposalId)
                .then(queries.one(new FindBudgetPayments(new ProposalId(proposalId), member), BudgetPaymentsView.class))
                .map(BudgetPaymentsController::told);
    }

    /** The refusals in the order a reader needs them: what the proposal is, whether it is decided, then the member. */
    private static BudgetPaymentsJson told(BudgetPaymentsView view) {
        if (view.method() != VoteMethod.BUDGET) {
            throw new NotFound("budget.payments-not-a-budget", "this proposal is no participatory budget: nobody paid anything");
        }
        if (view.secret()) {
            throw new StateConflict("budget.payments-secret",
                    "a secret budget's payments are never told: what a voter paid towards would tell what they approved");
        }
        if (!view.decided()) {
            throw new StateConflict("budget.payments-not-decided",
                    "what each member paid is known once the budget is decided; it is " + view.state());
        }
        if (!view.inElectorate() || view.payments() == null) {
            throw notInElectorate();
        }
        return BudgetPaymentsJson.of(view);
    }

    private static NotFound notInElectorate() {
        return new NotFound("budget.payments-not-in-electorate", "this member was not in the budget vote's electorate");
    }
}
