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

/**
 * SPEC "Voting methods", RANKED (Schulze): per class {@code d_c[a][b]} = power ranking a above b / participating
 * power of c (one sum per ordered pair); {@code D = Σ w_c d_c / Σ w_c} over the classes with participating power;
 * Schulze's strongest paths on D with winning strengths ({@code p[a][b] = D[a][b]} when {@code D[a][b] > D[b][a]},
 * else 0, then widest paths); the unbeaten options win ({@code p[a][b] ≥ p[b][a]} for every b), several → TIE. All
 * exact ({@link Ratio}). The ranking takes the unbeaten options first, then those unbeaten among the rest, and so on.
 */
public final class SchulzeMethod implements VotingMethod<RankedBallot, SchulzeTally> {

    private final List<ProposalOption> options;
    private final Map<String, Integer> index = new HashMap<>();

    private SchulzeMethod(List<ProposalOption> options) {
        this.options = List.copyOf(options);
        for (ProposalOption o : this.options) {
            if (index.put(o.id(), index.size()) != null) {
                throw new IllegalArgumentException("option " + o.id() + " appears twice");
            }
        }
    }

    public static SchulzeMethod of(List<ProposalOption> options) {
        return new SchulzeMethod(options);
    }

    public VoteCount<RankedBallot, SchulzeTally> count(Electorate electorate, Map<MemberId, MemberId> delegateOf,
                                                       Integer maxChainLength, Map<MemberId, RankedBallot> ballots) {
        return VoteCount.open(this, electorate, delegateOf, maxChainLength, ballots);
    }

    @Override
    public Class<RankedBallot> ballotType() {
        return RankedBallot.class;
    }

    @Override
    public int sums() {
        return options.size() * options.size();
    }

    /** Each ordered pair (a above b) adds the member's power once. */
    @Override
    public void count(RankedBallot ballot, Sums into) {
        int n = options.size();
        int[] level = levels(ballot);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (level[a] < level[b]) {
                    into.add(a * n + b, 1);
                }
            }
        }
    }

    /** Each option's rank group; unranked options share the group after the last one. */
    private int[] levels(RankedBallot ballot) {
        int[] level = new int[options.size()];
        java.util.Arrays.fill(level, ballot.ranking().size());
        for (int g = 0; g < ballot.ranking().size(); g++) {
            for (String id : ballot.ranking().get(g)) {
                Integer at = index.get(id);
                if (at != null && level[at] == ballot.ranking().size()) {
                    level[at] = g;
                }
            }
        }
        return level;
    }

    @Override
    public SchulzeTally result(Electorate electorate, List<ClassSums> classes) {
        int n = options.size();
        List<OptionClassTally> tallies = new ArrayList<>();
        boolean quorumMet = true;
        Ratio[][] weighted = zeros(n);
        Ratio[][] plain = zeros(n);
        long totalWeight = 0;
        int counted = 0;
        for (ClassSums s : classes) {
            StakeholderClass c = s.stakeholderClass();
            if (s.electoratePower().signum() == 0) {
                tallies.add(new OptionClassTally(c.id(), c.weight(), c.quorum(), s.electoratePower(), s.participating(),
                        s.sums(), null, null, true, true));
                continue;
            }
            Ratio participation = Ratio.of(s.participating(), s.electoratePower());
            boolean met = participation.isAtLeast(Ratio.of(c.quorum(), 100));
            quorumMet &= met;
            List<Ratio> shares = null;
            if (s.participating().signum() > 0) {
                shares = new ArrayList<>();
                for (BigDecimal sum : s.sums()) {
                    shares.add(Ratio.of(sum, s.participating()));
                }
                Ratio w = Ratio.of(c.weight(), 1);
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        weighted[a][b] = weighted[a][b].plus(shares.get(a * n + b).times(w));
                        plain[a][b] = plain[a][b].plus(shares.get(a * n + b));
                    }
                }
                totalWeight += c.weight();
                counted++;
            }
            tallies.add(new OptionClassTally(c.id(), c.weight(), c.quorum(), s.electoratePower(), s.participating(),
                    s.sums(), participation, shares, met, false));
        }
        Ratio[][] d = null;
        if (counted > 0 && totalWeight > 0) {
            d = scaled(weighted, Ratio.of(1, totalWeight));
        } else if (counted > 0 && electorate.decision().classRule() == ClassRule.EVERY_CLASS) {
            d = scaled(plain, Ratio.of(1, counted));
        }
        if (d == null) {
            return new SchulzeTally(options, tallies, null, null, List.of(), List.of(),
                    quorumMet ? Outcome.REJECTED : Outcome.NO_QUORUM);
        }
        Ratio[][] p = strongestPaths(d);
        List<String> winners = new ArrayList<>();
        boolean anyPreference = false;
        for (int a = 0; a < n; a++) {
            boolean unbeaten = true;
            for (int b = 0; b < n; b++) {
                anyPreference |= a != b && d[a][b].compareTo(d[b][a]) != 0;
                if (a != b && p[b][a].isGreaterThan(p[a][b])) {
                    unbeaten = false;
                }
            }
            if (unbeaten) {
                winners.add(options.get(a).id());
            }
        }
        if (!quorumMet || !anyPreference) {
            winners = List.of();
        }
        Outcome outcome = !quorumMet ? Outcome.NO_QUORUM : winners.isEmpty() ? Outcome.REJECTED
                : winners.size() == 1 ? Outcome.ACCEPTED : Outcome.TIE;
        return new SchulzeTally(options, tallies, d, p, ranking(p), winners, outcome);
    }

    /**
     * Schulze's widest paths with winning strengths: a direct link a→b is {@code D[a][b]} when it beats
     * {@code D[b][a]}, else 0; a path is as strong as its weakest link; {@code p[a][b]} is the strongest path.
     */
    static Ratio[][] strongestPaths(Ratio[][] d) {
        int n = d.length;
        Ratio[][] p = zeros(n);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a != b && d[a][b].isGreaterThan(d[b][a])) {
                    p[a][b] = d[a][b];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                for (int k = 0; k < n; k++) {
                    if (k == i || k == j) {
                        continue;
                    }
                    Ratio through = min(p[j][i], p[i][k]);
                    if (through.isGreaterThan(p[j][k])) {
                        p[j][k] = through;
                    }
                }
            }
        }
        return p;
    }

    /**
     * The full ranking as Schulze's relation orders it (and LiquidFeedback's {@code calculate_ranks}): the first group
     * is every option no other beats on paths, the next every option no remaining one beats, and so on; options of one
     * group keep the proposal's order. So the first group is exactly the unbeaten options, the winners. (Grouping by
     * how many options each beats, as before, could rank an unbeaten option below another: docs/tally.md.)
     */
    private List<List<String>> ranking(Ratio[][] p) {
        int n = options.size();
        boolean[] ranked = new boolean[n];
        List<List<String>> groups = new ArrayList<>();
        int done = 0;
        while (done < n) {
            List<Integer> unbeaten = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                if (!ranked[a] && !beatenAmongTheRemaining(a, p, ranked)) {
                    unbeaten.add(a);
                }
            }
            // the relation "beats on paths" is a strict partial order (Schulze 2011, §4.1), so some option is unbeaten
            List<String> group = new ArrayList<>();
            for (int a : unbeaten) {
                ranked[a] = true;
                group.add(options.get(a).id());
            }
            done += unbeaten.size();
            groups.add(List.copyOf(group));
        }
        return List.copyOf(groups);
    }

    private static boolean beatenAmongTheRemaining(int a, Ratio[][] p, boolean[] ranked) {
        for (int b = 0; b < p.length; b++) {
            if (b != a && !ranked[b] && p[b][a].isGreaterThan(p[a][b])) {
                return true;
            }
        }
        return false;
    }

    private static Ratio min(Ratio x, Ratio y) {
        return x.compareTo(y) <= 0 ? x : y;
    }

    private static Ratio[][] zeros(int n) {
        Ratio[][] m = new Ratio[n][n];
        for (Ratio[] row : m) {
            java.util.Arrays.fill(row, Ratio.ZERO);
        }
        return m;
    }

    private static Ratio[][] scaled(Ratio[][] m, Ratio factor) {
        Ratio[][] out = new Ratio[m.length][m.length];
        for (int a = 0; a < m.length; a++) {
            for (int b = 0; b < m.length; b++) {
                out[a][b] = m[a][b].times(factor);
            }
        }
        return out;
    }
}
