package coop.plenum.governance.election;

import coop.plenum.governance.voting.Ratio;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Single transferable vote by Meek's method (Hill, Wichmann and Woodall, "Algorithm 123", The Computer Journal
 * 30(3), 1987; the New Zealand rules, Local Electoral Regulations 2001, Schedule 1A, follow it) for one class's
 * seats, power as each ballot's weight. docs/tally.md ("ELECTION") states the variant; in short:
 * <ul>
 *   <li>Every candidate has a keep value: 1 while hopeful, 0 once excluded, reduced once elected. A ballot gives each
 *   candidate in its order the keep value's share of what reaches it and passes the rest on; what passes the last
 *   ranked candidate is exhausted.</li>
 *   <li>Quota = (total weight − exhausted) / (seats + 1), exact. A hopeful candidate is elected on <em>strictly</em>
 *   exceeding it (so never more than {@code seats} are elected).</li>
 *   <li>Keep values are exact rationals on the grid of 10⁻⁹, updated as {@code k ← ⌈k · quota / votes⌉} (rounded up,
 *   as Algorithm 123 and the NZ rules do), which keeps every count exactly reproducible; every other quantity
 *   (votes, exhausted, quota, surplus) is exact, derived from those keep values without rounding.</li>
 *   <li>Iterating stops when a hopeful candidate exceeds the quota (elected: a new round starts), or the total surplus
 *   of the elected is at most 10⁻⁹ of the total weight, or it stopped falling, or after {@value #MAX_ITERATIONS}
 *   distributions. Then the hopeful candidate with the fewest votes is excluded.</li>
 *   <li>Ties (for exclusion and for the order of candidates elected together) are broken backwards: by the votes at
 *   the end of the latest earlier round in which they differ; if they never differed, the candidate later in the
 *   candidate list pinned at opening is the one excluded (and the earlier one is elected first). Deterministic, and
 *   independent of the order ballots arrive in.</li>
 *   <li>When every seat is filled the count stops; when no more hopeful candidates than vacant seats remain, they are
 *   all elected.</li>
 * </ul>
 * Pure: no clock, no storage; ballots sharing the same path through the elected candidates are summed once per
 * round into a tree, so a distribution costs the number of distinct paths, not ballots.
 */
public final class MeekStv {

    /** Keep values are multiples of 10⁻⁹. */
    public static final BigInteger KEEP_UNIT = BigInteger.TEN.pow(9);
    /** A safety net: a round never takes more distributions than this. */
    public static final int MAX_ITERATIONS = 1000;
    /** Converged when the total surplus is at most the total weight divided by this. */
    private static final BigInteger OMEGA_DIVISOR = BigInteger.TEN.pow(9);

    private enum State { HOPEFUL, ELECTED, EXCLUDED }

    private final List<String> candidates;
    private final int n;
    private final int seats;
    private final BigInteger seatsPlusOne;
    private final int[][] rankings;
    private final BigInteger[] weights;
    private final long[] weightsLong;
    private final boolean weightsFitLong;
    private final int scale;
    private final State[] state;
    private final BigInteger[] keep;
    private final List<MeekRound> rounds = new ArrayList<>();
    private final List<Ratio[]> history = new ArrayList<>();
    private final List<String> elected = new ArrayList<>();
    private final List<String> excluded = new ArrayList<>();
    private Ratio[] previousVotes;
    private Ratio previousExhausted = Ratio.ZERO;

    // per round: the ballots as a tree of paths through the elected candidates (see regroup)
    private int[] nodeParent;
    private int[] nodeEdge;
    private int[] nodeDepth;
    private BigInteger[] nodeThrough;
    private int[] leafNode;
    private int[] leafCandidate;
    private BigInteger[] leafWeight;
    private int depth;
    private BigInteger total;
    private BigInteger den;

    private MeekStv(List<String> candidates, int seats, List<RankedVote> ballots) {
        this.candidates = List.copyOf(candidates);
        this.n = this.candidates.size();
        if (seats < 0) {
            throw new IllegalArgumentException("seats are never negative: " + seats);
        }
        this.seats = seats;
        this.seatsPlusOne = BigInteger.valueOf(seats + 1L);
        Map<String, Integer> index = new HashMap<>();
        for (String c : this.candidates) {
            if (index.put(c, index.size()) != null) {
                throw new IllegalArgumentException("candidate " + c + " appears twice");
            }
        }
        int finest = 0;
        for (RankedVote b : ballots) {
            finest = Math.max(finest, b.weight().stripTrailingZeros().scale());
        }
        this.scale = finest;
        this.rankings = new int[ballots.size()][];
        this.weights = new BigInteger[ballots.size()];
        for (int i = 0; i < ballots.size(); i++) {
            RankedVote b = ballots.get(i);
            int[] r = new int[b.ranking().size()];
            Set<Integer> seen = new HashSet<>();
            for (int j = 0; j < r.length; j++) {
                Integer at = index.get(b.ranking().get(j));
                if (at == null) {
                    throw new IllegalArgumentException("ballot ranks unknown candidate " + b.ranking().get(j));
                }
                if (!seen.add(at)) {
                    throw new IllegalArgumentException("ballot ranks " + b.ranking().get(j) + " twice");
                }
                r[j] = at;
            }
            rankings[i] = r;
            weights[i] = b.weight().setScale(scale).unscaledValue();
        }
        BigInteger all = Arrays.stream(weights).reduce(BigInteger.ZERO, BigInteger::add);
        this.weightsFitLong = all.bitLength() < 63;
        this.weightsLong = weightsFitLong ? Arrays.stream(weights).mapToLong(BigInteger::longValue).toArray() : null;
        this.state = new State[n];
        this.keep = new BigInteger[n];
        Arrays.fill(state, State.HOPEFUL);
        Arrays.fill(keep, KEEP_UNIT);
        this.previousVotes = new Ratio[n];
        Arrays.fill(previousVotes, Ratio.ZERO);
    }

    /** Counts one class's ballots for its {@code seats} among {@code candidates} (their order breaks final ties). */
    public static MeekCount count(List<String> candidates, int seats, List<RankedVote> ballots) {
        return new MeekStv(candidates, seats, ballots).run();
    }

    private MeekCount run() {
        while (true) {
            regroup();
            BigInteger[] votes = distribute();
            int e = count(State.ELECTED);
            int h = count(State.HOPEFUL);
            if (e >= seats) {
                break;
            }
            if (e + h <= seats) {
                List<Integer> rest = inOrder(State.HOPEFUL, votes);
                if (!rest.isEmpty()) {
                    rest.forEach(c -> state[c] = State.ELECTED);
                    record(MeekAction.ELECTED_REMAINING, rest, votes, 1, surplus(votes));
                    rest.forEach(c -> elected.add(candidates.get(c)));
                }
                break;
            }
            int iterations = 1;
            BigInteger previousSurplus = null;
            while (true) {
                BigInteger s = sum(votes);
                List<Integer> reached = new ArrayList<>();
                for (int c = 0; c < n; c++) {
                    if (state[c] == State.HOPEFUL && votes[c].multiply(seatsPlusOne).compareTo(s) > 0) {
                        reached.add(c);
                    }
                }
                if (!reached.isEmpty()) {
                    reached.sort(ahead(votes).reversed());
                    reached.forEach(c -> state[c] = State.ELECTED);
                    record(MeekAction.ELECTED, reached, votes, iterations, surplus(votes));
                    reached.forEach(c -> elected.add(candidates.get(c)));
                    break;
                }
                BigInteger surplus = surplus(votes);
                boolean converged = surplus.multiply(OMEGA_DIVISOR).compareTo(total.multiply(seatsPlusOne)) <= 0
                        || (previousSurplus != null && surplus.compareTo(previousSurplus) >= 0)
                        || iterations >= MAX_ITERATIONS;
                if (converged) {
                    int lowest = lowestHopeful(votes);
                    record(MeekAction.EXCLUDED, List.of(lowest), votes, iterations, surplus);
                    state[lowest] = State.EXCLUDED;
                    keep[lowest] = BigInteger.ZERO;
                    excluded.add(candidates.get(lowest));
                    break;
                }
                previousSurplus = surplus;
                updateKeepValues(votes, s);
                votes = distribute();
                iterations++;
            }
        }
        List<String> left = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (state[c] == State.HOPEFUL) {
                left.add(candidates.get(c));
            }
        }
        return new MeekCount(candidates, seats, elected, excluded, left, rounds);
    }

    /**
     * Sums the ballots once per round into a tree. A node is a sequence of elected candidates in ballot order (the
     * root the empty one) with the weight of every ballot whose path starts with it; a leaf is a node followed by the
     * first hopeful candidate, with the weight of the ballots taking that path. Excluded candidates are skipped. Votes
     * are linear in these weights, so a distribution costs one multiplication per node and leaf, not per ballot.
     */
    private void regroup() {
        // children[node][c]: the node after elected c; leafAt[node][c]: the leaf ending at hopeful c (-1: none yet)
        List<int[]> children = new ArrayList<>();
        List<int[]> leafAt = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        List<Integer> edges = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        WeightSums through = new WeightSums(weightsFitLong);
        List<Integer> leafNodes = new ArrayList<>();
        List<Integer> leafCandidates = new ArrayList<>();
        WeightSums leafSums = new WeightSums(weightsFitLong);
        addNode(children, leafAt, parents, edges, depths, through, -1, -1, 0);
        BigInteger totalWeight = BigInteger.ZERO;
        for (int i = 0; i < rankings.length; i++) {
            if (weights[i].signum() == 0) {
                continue;
            }
            totalWeight = totalWeight.add(weights[i]);
            int node = 0;
            for (int c : rankings[i]) {
                if (state[c] == State.EXCLUDED) {
                    continue;
                }
                if (state[c] == State.HOPEFUL) {
                    int leaf = leafAt.get(node)[c];
                    if (leaf < 0) {
                        leaf = leafNodes.size();
                        leafAt.get(node)[c] = leaf;
                        leafNodes.add(node);
                        leafCandidates.add(c);
                        leafSums.grow();
                    }
                    leafSums.add(leaf, i);
                    break;
                }
                int child = children.get(node)[c];
                if (child < 0) {
                    child = parents.size();
                    children.get(node)[c] = child;
                    addNode(children, leafAt, parents, edges, depths, through, node, c, depths.get(node) + 1);
                }
                through.add(child, i);
                node = child;
            }
        }
        int nodes = parents.size();
        nodeParent = new int[nodes];
        nodeEdge = new int[nodes];
        nodeDepth = new int[nodes];
        nodeThrough = through.toArray();
        depth = 0;
        for (int i = 0; i < nodes; i++) {
            nodeParent[i] = parents.get(i);
            nodeEdge[i] = edges.get(i);
            nodeDepth[i] = depths.get(i);
            depth = Math.max(depth, nodeDepth[i]);
        }
        leafNode = leafNodes.stream().mapToInt(Integer::intValue).toArray();
        leafCandidate = leafCandidates.stream().mapToInt(Integer::intValue).toArray();
        leafWeight = leafSums.toArray();
        BigInteger lift = BigInteger.TEN.pow(9 * depth);
        den = BigInteger.TEN.pow(scale).multiply(lift);
        total = totalWeight.multiply(lift);
    }

    private void addNode(List<int[]> children, List<int[]> leafAt, List<Integer> parents, List<Integer> edges,
                         List<Integer> depths, WeightSums through, int parent, int edge, int nodeDepth) {
        int[] none = new int[n];
        Arrays.fill(none, -1);
        children.add(none);
        leafAt.add(none.clone());
        parents.add(parent);
        edges.add(edge);
        depths.add(nodeDepth);
        through.grow();
    }

    /** Sums of ballot weights, in longs when the whole electorate's weight fits one (the usual case), else exactly. */
    private final class WeightSums {
        private final boolean small;
        private long[] longs = new long[16];
        private final List<BigInteger> bigs = new ArrayList<>();
        private int size;

        WeightSums(boolean small) {
            this.small = small;
        }

        void grow() {
            if (small) {
                if (size == longs.length) {
                    longs = Arrays.copyOf(longs, size * 2);
                }
            } else {
                bigs.add(BigInteger.ZERO);
            }
            size++;
        }

        void add(int at, int ballot) {
            if (small) {
                longs[at] += weightsLong[ballot];
            } else {
                bigs.set(at, bigs.get(at).add(weights[ballot]));
            }
        }

        BigInteger[] toArray() {
            BigInteger[] out = new BigInteger[size];
            for (int i = 0; i < size; i++) {
                out[i] = small ? BigInteger.valueOf(longs[i]) : bigs.get(i);
            }
            return out;
        }
    }

    /**
     * Every candidate's votes as numerators over {@link #den}; exact: the weight reaching a node of depth d is its
     * weight times Π(1 − k) over its elected candidates, a multiple of 10^(−9d), since every keep value is a
     * multiple of 10⁻⁹. What reaches no candidate is exhausted (total − Σ votes).
     */
    private BigInteger[] distribute() {
        BigInteger[][] atDepth = new BigInteger[depth + 1][n];
        for (BigInteger[] row : atDepth) {
            Arrays.fill(row, BigInteger.ZERO);
        }
        BigInteger[] passing = new BigInteger[nodeParent.length];
        passing[0] = BigInteger.ONE;
        for (int i = 1; i < nodeParent.length; i++) {
            int parent = nodeParent[i];
            int e = nodeEdge[i];
            passing[i] = passing[parent].multiply(KEEP_UNIT.subtract(keep[e]));
            BigInteger kept = passing[parent].multiply(keep[e]).multiply(nodeThrough[i]);
            atDepth[nodeDepth[i]][e] = atDepth[nodeDepth[i]][e].add(kept);
        }
        for (int l = 0; l < leafNode.length; l++) {
            int d = nodeDepth[leafNode[l]];
            int c = leafCandidate[l];
            atDepth[d][c] = atDepth[d][c].add(passing[leafNode[l]].multiply(leafWeight[l]));
        }
        BigInteger[] votes = new BigInteger[n];
        for (int c = 0; c < n; c++) {
            BigInteger v = BigInteger.ZERO;
            for (int d = 0; d <= depth; d++) {
                if (atDepth[d][c].signum() != 0) {
                    v = v.add(atDepth[d][c].multiply(BigInteger.TEN.pow(9 * (depth - d))));
                }
            }
            votes[c] = v;
        }
        return votes;
    }

    private BigInteger sum(BigInteger[] votes) {
        BigInteger s = BigInteger.ZERO;
        for (BigInteger v : votes) {
            s = s.add(v);
        }
        return s;
    }

    /** Σ over the elected of max(0, votes − quota), as a numerator over den × (seats + 1). */
    private BigInteger surplus(BigInteger[] votes) {
        BigInteger s = sum(votes);
        BigInteger surplus = BigInteger.ZERO;
        for (int c = 0; c < n; c++) {
            if (state[c] == State.ELECTED) {
                BigInteger over = votes[c].multiply(seatsPlusOne).subtract(s);
                if (over.signum() > 0) {
                    surplus = surplus.add(over);
                }
            }
        }
        return surplus;
    }

    /** k ← ⌈k · quota / votes⌉ on the 10⁻⁹ grid, never above 1. */
    private void updateKeepValues(BigInteger[] votes, BigInteger s) {
        for (int c = 0; c < n; c++) {
            if (state[c] == State.ELECTED && votes[c].signum() > 0) {
                BigInteger num = keep[c].multiply(s);
                BigInteger div = votes[c].multiply(seatsPlusOne);
                BigInteger[] qr = num.divideAndRemainder(div);
                BigInteger k = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
                keep[c] = k.min(KEEP_UNIT);
            }
        }
    }

    /** Orders candidates from behind to ahead: current votes, then backwards through earlier rounds, then list order. */
    private Comparator<Integer> ahead(BigInteger[] votes) {
        return (a, b) -> {
            int cmp = votes[a].compareTo(votes[b]);
            for (int r = history.size() - 1; cmp == 0 && r >= 0; r--) {
                cmp = history.get(r)[a].compareTo(history.get(r)[b]);
            }
            return cmp != 0 ? cmp : Integer.compare(b, a);
        };
    }

    private int lowestHopeful(BigInteger[] votes) {
        Comparator<Integer> order = ahead(votes);
        int lowest = -1;
        for (int c = 0; c < n; c++) {
            if (state[c] == State.HOPEFUL && (lowest < 0 || order.compare(c, lowest) < 0)) {
                lowest = c;
            }
        }
        return lowest;
    }

    private List<Integer> inOrder(State wanted, BigInteger[] votes) {
        List<Integer> list = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (state[c] == wanted) {
                list.add(c);
            }
        }
        list.sort(ahead(votes).reversed());
        return list;
    }

    private int count(State wanted) {
        int k = 0;
        for (State s : state) {
            if (s == wanted) {
                k++;
            }
        }
        return k;
    }

    private void record(MeekAction action, List<Integer> who, BigInteger[] votes, int iterations, BigInteger surplus) {
        BigInteger s = sum(votes);
        Ratio[] now = new Ratio[n];
        Map<String, Ratio> votesByName = new LinkedHashMap<>();
        Map<String, Ratio> keepByName = new LinkedHashMap<>();
        Map<String, Ratio> transfers = new LinkedHashMap<>();
        for (int c = 0; c < n; c++) {
            now[c] = new Ratio(votes[c], den);
            votesByName.put(candidates.get(c), now[c]);
            keepByName.put(candidates.get(c), new Ratio(keep[c], KEEP_UNIT));
            transfers.put(candidates.get(c), now[c].minus(previousVotes[c]));
        }
        Ratio exhausted = new Ratio(total.subtract(s), den);
        rounds.add(new MeekRound(rounds.size() + 1, action, who.stream().map(candidates::get).toList(),
                new Ratio(s, den.multiply(seatsPlusOne)), votesByName, keepByName, exhausted,
                new Ratio(surplus, den.multiply(seatsPlusOne)), iterations, transfers,
                exhausted.minus(previousExhausted)));
        history.add(now);
        previousVotes = now;
        previousExhausted = exhausted;
    }

}
