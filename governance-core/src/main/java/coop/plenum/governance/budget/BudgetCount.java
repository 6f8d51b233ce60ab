package coop.plenum.governance.budget;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.options.OptionBallot;
import coop.plenum.governance.options.OptionMethod;
import coop.plenum.governance.options.OptionTally;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.governance.voting.CountedVote;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Ratio;
import coop.plenum.governance.voting.VoteCount;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SPEC "Voting methods", BUDGET, on the one voting path every method shares: a BUDGET ballot is an approval set, so
 * the {@link VoteCount} is an APPROVAL count (delegation follows the chain, power counts in the member's own class,
 * per-class participation and quorum), kept live like any other; at the end every member whose power counts, with
 * the approval set it counts with (their own or their delegate's), is a participant of the Method of Equal Shares
 * ({@link EqualShares}). Everyone reading a BUDGET vote counts through here: the Proposal at closing, the live and
 * {@code asOf} tallies and the offline audit.
 */
public final class BudgetCount {

    /** Add-one completion raises each share by one unit of the budget's currency per step (docs/tally.md). */
    public static final BigDecimal COMPLETION_STEP = BigDecimal.ONE;

    private BudgetCount() {
    }

    /** The count of a BUDGET vote's ballots: see {@link VoteCount#open}. */
    public static VoteCount<OptionBallot, OptionTally> open(List<ProposalOption> projects, Electorate electorate,
                                                            Map<MemberId, MemberId> delegateOf, Integer maxChainLength,
                                                            Map<MemberId, OptionBallot> ballots) {
        return OptionMethod.of(VoteMethod.APPROVAL, projects).count(electorate, delegateOf, maxChainLength, ballots);
    }

    /** The tally of a count opened by {@link #open}, as it stands. */
    public static BudgetTally tally(ProposalBudget budget, List<ProposalOption> options, Electorate electorate,
                                    VoteCount<OptionBallot, ?> count) {
        OptionTally approval = (OptionTally) count.result();
        List<BudgetBallot> ballots = ballots(count);
        BudgetResult result = equalShares(budget, options, electorate, ballots);
        Map<String, Long> supporters = new HashMap<>();
        for (BudgetBallot b : ballots) {
            b.approved().forEach(id -> supporters.merge(id, 1L, Long::sum));
        }
        Map<String, Purchase> bought = new HashMap<>();
        result.funded().forEach(p -> bought.put(p.projectId(), p));
        Set<String> greedy = new HashSet<>(result.greedy());
        List<BudgetTally.Project> rows = new ArrayList<>();
        for (ProposalOption o : options) {
            Purchase p = bought.get(o.id());
            rows.add(new BudgetTally.Project(o.id(), o.label(), o.cost(), supporters.getOrDefault(o.id(), 0L),
                    result.approval().get(o.id()), p != null, p == null ? null : p.rho(),
                    p == null ? null : (long) p.payments().size(),
                    p == null ? null : p.payments().values().stream().reduce(Ratio.ZERO, Ratio::plus),
                    greedy.contains(o.id())));
        }
        Outcome outcome = !approval.quorumMet() ? Outcome.NO_QUORUM
                : result.funded().isEmpty() ? Outcome.REJECTED : Outcome.ACCEPTED;
        return new BudgetTally(budget.amount(), budget.currency(), approval.classes(), rows, result.fundedIds(),
                result.spent(), result.leftover(), result.greedy(), result.greedySpent(), result.virtualBudget(),
                result.completionSteps(), outcome);
    }

    /**
     * The Method of Equal Shares' whole run over a count opened by {@link #open}: the funded projects with what each
     * supporter paid ({@link BudgetResult#paymentsOf}), which the tally only sums up.
     */
    public static BudgetResult equalShares(ProposalBudget budget, List<ProposalOption> options, Electorate electorate,
                                           VoteCount<OptionBallot, ?> count) {
        return equalShares(budget, options, electorate, ballots(count));
    }

    private static BudgetResult equalShares(ProposalBudget budget, List<ProposalOption> options, Electorate electorate,
                                            List<BudgetBallot> ballots) {
        List<BudgetProject> projects = options.stream().map(o -> new BudgetProject(o.id(), o.cost())).toList();
        return EqualShares.count(budget.amount(), projects, electorate.classes(), ballots, COMPLETION_STEP);
    }

    /** Every member whose power counts, with the approval set it counts with (their own or their delegate's). */
    private static List<BudgetBallot> ballots(VoteCount<OptionBallot, ?> count) {
        List<BudgetBallot> ballots = new ArrayList<>();
        for (CountedVote<OptionBallot> v : count.countedVotes()) {
            ballots.add(new BudgetBallot(v.memberId(), v.classId(), v.power(), Set.copyOf(v.choice().approved())));
        }
        return ballots;
    }

    /** Opens the count and tallies it: for a single reading (the close, an audit). */
    public static BudgetTally count(ProposalBudget budget, List<ProposalOption> options, Electorate electorate,
                                    Map<MemberId, MemberId> delegateOf, Integer maxChainLength,
                                    Map<MemberId, OptionBallot> ballots) {
        return tally(budget, options, electorate, open(options, electorate, delegateOf, maxChainLength, ballots));
    }
}
