package coop.plenum.governance.budget;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.Ratio;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The Method of Equal Shares' outcome: the projects funded in the order they were bought, what each supporter paid,
 * the total spent and the leftover (budget − spent), each member's share of the budget (the virtual budget the
 * add-one completion settled on, {@code virtualBudget}, after {@code completionSteps} raises), and, side by side, what
 * the greedy rule (most approved first, skipping what no longer fits) would have funded.
 */
public record BudgetResult(BigDecimal budget, Ratio virtualBudget, int completionSteps, List<Purchase> funded,
                           Ratio spent, Ratio leftover, Map<MemberId, Ratio> shares, Map<String, Ratio> approval,
                           List<String> greedy, Ratio greedySpent) {

    public BudgetResult {
        funded = List.copyOf(funded);
        shares = Map.copyOf(shares);
        approval = Map.copyOf(approval);
        greedy = List.copyOf(greedy);
    }

    public List<String> fundedIds() {
        return funded.stream().map(Purchase::projectId).toList();
    }
}
