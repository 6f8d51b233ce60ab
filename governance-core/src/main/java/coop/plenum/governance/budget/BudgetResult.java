package coop.plenum.governance.budget;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.Ratio;

import java.math.BigDecimal;
import java.util.ArrayList;
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

    /**
     * What the member paid, per funded project in the order bought (only projects they paid above zero towards), and
     * in total: one hash lookup per funded project, so a kept result answers any member at once.
     */
    public MemberPayments paymentsOf(MemberId member) {
        List<MemberPayments.Payment> paid = new ArrayList<>();
        Ratio total = Ratio.ZERO;
        for (Purchase p : funded) {
            Ratio amount = p.payments().get(member);
            if (amount != null && amount.signum() > 0) {
                paid.add(new MemberPayments.Payment(p.projectId(), amount));
                total = total.plus(amount);
            }
        }
        return new MemberPayments(member, shares.get(member), paid, total);
    }

    public List<String> fundedIds() {
        return funded.stream().map(Purchase::projectId).toList();
    }
}
