package coop.plenum.api.ledger;

import coop.plenum.api.support.Queries;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.query.FindProposalSummary;
import coop.plenum.governance.proposal.query.ProposalSummary;
import coop.plenum.ledger.query.BudgetAllocationView;
import coop.plenum.ledger.query.FindBudgetAllocations;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * A cooperative's budget allocations with the title of the proposal that decided each: the ledger knows the deciding
 * proposal only by its id, so the title is looked up here, at the edge, for the API and the ledger page alike.
 */
@Component
public class BudgetAllocations {

    private final Queries queries;

    BudgetAllocations(Queries queries) {
        this.queries = queries;
    }

    /** A decided budget's allocations and the deciding proposal's title (null if that proposal cannot be read). */
    public record DecidedBudget(BudgetAllocationView allocation, String title) {
    }

    public Mono<List<DecidedBudget>> of(CooperativeId cooperativeId) {
        return queries.many(new FindBudgetAllocations(LedgerOfCooperative.ledgerOf(cooperativeId)), BudgetAllocationView.class)
                .flatMapMany(Flux::fromIterable)
                .concatMap(a -> queries.one(new FindProposalSummary(new ProposalId(a.decidedBy())), ProposalSummary.class)
                        .map(p -> new DecidedBudget(a, p.title()))
                        .defaultIfEmpty(new DecidedBudget(a, null)))
                .collectList();
    }
}
