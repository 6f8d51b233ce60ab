package coop.plenum.governance.options;

import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.governance.voting.ClassSums;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Ratio;
import coop.plenum.governance.voting.VoteCount;
import coop.plenum.governance.voting.VotingMethod;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * SPEC "Voting methods", APPROVAL and SCORE: one sum per option per class (power × score; approval scores 1), the
 * class share s_c(o) = sum / (max score × participating power of c), the combination S(o) = Σ w_c s_c(o) / Σ w_c
 * over the classes with participating power, and the highest S wins (several equal highest: TIE). Under EVERY_CLASS
 * only options with s_c(o) > 1/2 in every such class may win. A delegate's ballot counts as it is for their
 * delegators (the core's default). All arithmetic is exact (BigDecimal sums, {@link Ratio}s).
 */
public final class OptionMethod implements VotingMethod<OptionBallot, OptionTally> {

    private final VoteMethod method;
    private final List<ProposalOption> options;
    private final Map<String, Integer> index = new HashMap<>();

    private OptionMethod(VoteMethod method, List<ProposalOption> options) {
        if (!Objects.requireNonNull(method, "method").isScored()) {
            throw new IllegalArgumentException(method + " does not score options");
        }
        this.method = method;
        this.options = List.copyOf(options);
        for (ProposalOption o : this.options) {
            if (index.put(o.id(), index.size()) != null) {
                throw new IllegalArgumentException("option " + o.id() + " appears twice");
            }
        }
    }

    public static OptionMethod of(VoteMethod method, List<ProposalOption> options) {
        return new OptionMethod(method, options);
    }

    /** The count of an option vote: see {@link VoteCount#open}. */
    public VoteCount<OptionBallot, OptionTally> count(Electorate electorate, Map<MemberId, MemberId> delegateOf,
                                                      Integer maxChainLength, Map<MemberId, OptionBallot> ballots) {
        return VoteCount.open(this, electorate, delegateOf, maxChainLength, ballots);
    }

    public VoteMethod method() {
        return method;
    }

    public List<ProposalOption> options() {
        return options;
    }

    @Override
    public Class<OptionBallot> ballotType() {
        return OptionBallot.class;
    }

    @Override
    public int sums() {
        return options.size();
    }

    @Override
    public long largestMultiplier() {
        return method.maxScore();
    }

    @Override
    public void count(OptionBallot ballot, Sums into) {
        countCompiled(compile(ballot), into);
    }

    /** The ballot as pairs (option index, score), in the ballot's order. */
    @Override
    public Object compile(OptionBallot ballot) {
        int[] pairs = new int[2 * ballot.scores().size()];
        int filled = 0;
        for (Map.Entry<String, Integer> scored : ballot.scores().entrySet()) {
            Integer at = index.get(scored.getKey());
            Integer score = scored.getValue();
            // ballots are checked against the options before they are recorded; anything else counts nothing
            if (at != null && score != null && score > 0 && score <= method.maxScore()) {
                pairs[filled++] = at;
                pairs[filled++] = score;
            }
        }
        return filled == pairs.length ? pairs : java.util.Arrays.copyOf(pairs, filled);
    }

    @Override
    public void countCompiled(Object compiled, Sums into) {
        int[] pairs = (int[]) compiled;
        for (int i = 0; i < pairs.length; i += 2) {
            into.add(pairs[i], pairs[i + 1]);
        }
    }

    @Override
    public OptionTally result(Electorate electorate, List<ClassSums> classes) {
        List<OptionClassTally> tallies = new ArrayList<>();
        boolean quorumMet = true;
        for (ClassSums sums : classes) {
            OptionClassTally tally = classTally(sums);
            quorumMet &= tally.quorumMet();
            tallies.add(tally);
        }
        ClassRule rule = electorate.decision().classRule();
        List<OptionResult> results = new ArrayList<>();
        for (int o = 0; o < options.size(); o++) {
            results.add(new OptionResult(options.get(o).id(), options.get(o).label(), combined(rule, tallies, o),
                    eligible(rule, tallies, o)));
        }
        Ratio best = null;
        for (OptionResult r : results) {
            if (r.eligible() && r.score() != null && (best == null || r.score().isGreaterThan(best))) {
                best = r.score();
            }
        }
        List<String> winners = new ArrayList<>();
        if (quorumMet && best != null && best.signum() > 0) {
            for (OptionResult r : results) {
                if (r.eligible() && r.score() != null && r.score().compareTo(best) == 0) {
                    winners.add(r.optionId());
                }
            }
        }
        Outcome outcome = !quorumMet ? Outcome.NO_QUORUM
                : winners.isEmpty() ? Outcome.REJECTED
                : winners.size() == 1 ? Outcome.ACCEPTED : Outcome.TIE;
        return new OptionTally(method, tallies, results, winners, outcome);
    }

    private OptionClassTally classTally(ClassSums s) {
        StakeholderClass c = s.stakeholderClass();
        if (s.electoratePower().signum() == 0) {
            return new OptionClassTally(c.id(), c.weight(), c.quorum(), s.electoratePower(), s.participating(), s.sums(),
                    null, null, true, true);
        }
        Ratio participation = Ratio.of(s.participating(), s.electoratePower());
        boolean quorumMet = participation.isAtLeast(Ratio.of(c.quorum(), 100));
        List<Ratio> shares = null;
        if (s.participating().signum() > 0) {
            BigDecimal whole = s.participating().multiply(BigDecimal.valueOf(method.maxScore()));
            shares = s.sums().stream().map(sum -> Ratio.of(sum, whole)).toList();
        }
        return new OptionClassTally(c.id(), c.weight(), c.quorum(), s.electoratePower(), s.participating(), s.sums(),
                participation, shares, quorumMet, false);
    }

    /**
     * S(o) = Σ w_c s_c(o) / Σ w_c over the classes in the combination, which renormalises their weights. When those
     * classes all weigh 0, WEIGHTED has no S (as YES_NO has no approval: such classes have no say in a weighted
     * decision), while under EVERY_CLASS, where every class must agree anyway, S is their plain mean.
     */
    private static Ratio combined(ClassRule rule, List<OptionClassTally> classes, int option) {
        Ratio weighted = Ratio.ZERO;
        Ratio plain = Ratio.ZERO;
        long totalWeight = 0;
        int counted = 0;
        for (OptionClassTally c : classes) {
            if (c.inCombination()) {
                Ratio share = c.shares().get(option);
                weighted = weighted.plus(share.times(Ratio.of(c.weight(), 1)));
                plain = plain.plus(share);
                totalWeight += c.weight();
                counted++;
            }
        }
        if (counted == 0) {
            return null;
        }
        if (totalWeight > 0) {
            return weighted.dividedBy(Ratio.of(totalWeight, 1));
        }
        return rule == ClassRule.EVERY_CLASS ? plain.dividedBy(Ratio.of(counted, 1)) : null;
    }

    /** EVERY_CLASS: s_c(o) > 1/2 in every class in the combination (and there is at least one); WEIGHTED: always. */
    private static boolean eligible(ClassRule rule, List<OptionClassTally> classes, int option) {
        if (rule != ClassRule.EVERY_CLASS) {
            return true;
        }
        boolean any = false;
        for (OptionClassTally c : classes) {
            if (c.inCombination()) {
                any = true;
                if (!c.shares().get(option).isGreaterThan(Ratio.ONE_HALF)) {
                    return false;
                }
            }
        }
        return any;
    }
}
