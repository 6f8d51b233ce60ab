package coop.plenum.api.proposal;

import coop.plenum.governance.budget.BudgetTally;
import coop.plenum.governance.proposal.query.TallyView;
import coop.plenum.governance.voting.Ratio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A BUDGET tally's own part (docs/tally.md "BUDGET"): the budget and its currency; the projects funded by the Method
 * of Equal Shares, in the order they were bought, what they cost together ({@code spent}) and what is left; per project
 * its cost, how many members' power approves it ({@code supporters}), its approval score S, and when funded the most
 * any supporter paid ({@code perSupporter}: each paid {@code min(perSupporter, what they had left)}), how many paid
 * and the total paid (its cost); what the greedy rule (most approved first) would have funded, side by side; and the
 * add-one completion ({@code completionSteps} raises, each share a part of {@code virtualBudget}). Money is a decimal
 * string rounded to six digits; the {@code …Exact} fields are exact fractions.
 */
public record BudgetTallyJson(String amount, String currency, List<String> funded, String spent, String spentExact,
                              String leftover, String leftoverExact, List<String> greedy, String greedySpent,
                              String greedyLeftover, int completionSteps, String virtualBudget, List<ProjectJson> projects) {

    /** One project of the vote. */
    public record ProjectJson(String projectId, String label, String cost, long supporters, String approval,
                              boolean funded, String perSupporter, String perSupporterExact, Long payers, String paid,
                              boolean greedy) {
    }

    static BudgetTallyJson of(BudgetTally t) {
        Ratio budget = Ratio.of(t.budget());
        List<ProjectJson> projects = t.projects().stream().map(p -> new ProjectJson(p.id(), p.label(),
                p.cost().toPlainString(), p.supporters(), TallyJson.ratio(p.approval()), p.funded(),
                TallyJson.ratio(p.perSupporter()), p.perSupporter() == null ? null : p.perSupporter().toString(),
                p.payers(), TallyJson.ratio(p.paid()), p.greedyFunded())).toList();
        return new BudgetTallyJson(t.budget().toPlainString(), t.currency(), t.funded(), TallyJson.ratio(t.spent()),
                t.spent().toString(), TallyJson.ratio(t.leftover()), t.leftover().toString(), t.greedy(),
                TallyJson.ratio(t.greedySpent()), TallyJson.ratio(budget.minus(t.greedySpent())), t.completionSteps(),
                TallyJson.ratio(t.virtualBudget()), projects);
    }

    /**
     * The whole tally of a BUDGET vote: per class participation and, per project id, the power approving it and its
     * share s_c (as an APPROVAL tally); the options' approval scores; the winners (the funded projects) once decided.
     */
    static TallyJson tallyOf(TallyView view) {
        BudgetTally t = view.budgetTally();
        boolean decided = view.outcome() != null;
        List<String> ids = t.projects().stream().map(BudgetTally.Project::id).toList();
        List<TallyJson.ClassJson> classes = t.classes().stream().map(c -> {
            Map<String, String> sums = new LinkedHashMap<>();
            Map<String, String> shares = c.shares() == null ? null : new LinkedHashMap<>();
            for (int o = 0; o < ids.size(); o++) {
                sums.put(ids.get(o), TallyJson.power(c.sums().get(o)));
                if (shares != null) {
                    shares.put(ids.get(o), TallyJson.ratio(c.shares().get(o)));
                }
            }
            return new TallyJson.ClassJson(c.classId(), c.weight(), c.quorum(), TallyJson.power(c.electoratePower()), null,
                    null, null, TallyJson.ratio(c.participation()), null, c.quorumMet(), TallyJson.power(c.participating()),
                    sums, shares, null, null, null);
        }).toList();
        List<TallyJson.OptionJson> options = t.projects().stream().map(p -> new TallyJson.OptionJson(p.id(), p.label(),
                TallyJson.ratio(p.approval()), p.approval() == null ? null : p.approval().toString(), null)).toList();
        return new TallyJson(view.proposalId().value(), view.state().name(), decided ? view.outcome().name() : null,
                view.asOf(), null, classes, "BUDGET", options, decided ? t.winners() : null, null, null, null, null, null,
                null, of(t));
    }
}
