package coop.plenum.governance.voting;

import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The count of one vote, for any {@link VotingMethod}: SPEC "Liquid delegation" resolution and per-class exact sums,
 * kept up to date as ballots and delegations change. Every reader uses it alike: the proposal at closing, the live
 * tally of an open vote, a tally {@code asOf} a past instant, provenance, and an auditor's replay.
 *
 * <p>A member's own ballot counts; otherwise their power counts with the ballot of the first member along their chain
 * of delegations who cast one, in the member's own class. The chain ends without counting at a member with no
 * delegation, a member outside the electorate, a cycle, or after more than {@code maxChainLength} hops (0: unlimited).
 * Opening resolves every chain in O(members + delegations) without recursion; a change touches only the members whose
 * chain passes through the member that changed, found through reverse delegation links. Powers are summed as exact
 * integers of units of the electorate's finest decimal (at least micro-units; arbitrary precision when a long could
 * overflow), so an update costs O(affected members), not a recount. Not thread-safe.
 */
public final class VoteCount<B, R> {

    private static final int NO_LINK = -1;
    private static final int POWER_SCALE = 6;
    private static final int ELECTORATE = 0;
    private static final int PARTICIPATING = 1;

    private final VotingMethod<B, R> method;
    private final Electorate electorate;
    private final int maxChainLength;
    private final Map<MemberId, Integer> index;
    private final MemberId[] ids;
    private final int[] classOf;
    private final int[] delegate;
    /** Delegates outside the electorate, by delegator (for provenance). */
    private final Map<Integer, MemberId> outsider = new HashMap<>();
    private final Object[] ballot;
    /** Each member's ballot as the method counts it fastest, for themselves and for whoever delegated to them. */
    private final Object[] compiled;
    private final Object[] compiledForDelegators;
    /** Reverse delegation links as intrusive doubly-linked lists: who delegates to each member. */
    private final int[] firstDelegator;
    private final int[] nextDelegator;
    private final int[] previousDelegator;
    private final ChainResolution chains;
    /** Per class: electorate power, participating power, then the method's sums. */
    private final int width;
    private final PowerSums sums;
    private final long largestMultiplier;
    private final Adder adder = new Adder();
    private final int[] queue;
    private final int[] mark;
    private int stamp;

    private VoteCount(VotingMethod<B, R> method, Electorate electorate, Map<MemberId, MemberId> delegateOf,
                      int maxChainLength, Map<MemberId, ? extends B> ballots) {
        this.method = Objects.requireNonNull(method, "method");
        this.electorate = electorate;
        this.maxChainLength = Math.max(0, maxChainLength);
        this.largestMultiplier = Math.max(1, method.largestMultiplier());
        List<Voter> voters = electorate.voters();
        int n = voters.size();
        List<StakeholderClass> classes = electorate.classes();
        Map<String, Integer> classIndex = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            classIndex.put(classes.get(c).id(), c);
        }
        index = new HashMap<>(n * 2);
        ids = new MemberId[n];
        classOf = new int[n];
        int scale = POWER_SCALE;
        for (int i = 0; i < n; i++) {
            Voter v = voters.get(i);
            index.put(v.memberId(), i);
            ids[i] = v.memberId();
            classOf[i] = classIndex.get(v.classId());
            scale = Math.max(scale, v.power().scale());
        }
        width = 2 + method.sums();
        sums = PowerSums.of(voters, scale, classes.size() * width, largestMultiplier);
        for (int i = 0; i < n; i++) {
            sums.add(classOf[i] * width + ELECTORATE, i, 1);
        }
        delegate = new int[n];
        ballot = new Object[n];
        compiled = new Object[n];
        compiledForDelegators = new Object[n];
        firstDelegator = new int[n];
        nextDelegator = new int[n];
        previousDelegator = new int[n];
        Arrays.fill(firstDelegator, NO_LINK);
        // walk the two maps instead of asking each of them about every member: at a million members, two lookups per
        // member (and forgetting an outsider delegate nobody had) were a third of opening the count
        Arrays.fill(delegate, ChainResolution.NO_DELEGATION);
        for (Map.Entry<MemberId, ? extends B> cast : ballots.entrySet()) {
            Integer i = cast.getValue() == null ? null : index.get(cast.getKey());
            if (i != null) {
                record(i, cast.getValue());
            }
        }
        for (Map.Entry<MemberId, MemberId> delegation : delegateOf.entrySet()) {
            Integer i = delegation.getValue() == null ? null : index.get(delegation.getKey());
            if (i != null) {
                delegate[i] = target(i, delegation.getValue());
            }
        }
        for (int i = 0; i < n; i++) {
            link(i);
        }
        chains = ChainResolution.resolve(delegate, ballot);
        for (int i = 0; i < n; i++) {
            count(i, 1);
        }
        queue = new int[n];
        mark = new int[n];
    }

    /**
     * The count of an electorate's vote under {@code method}, with each delegator's delegate for the proposal's topic
     * and the last ballot of each member who cast one (ballots of members outside the electorate are ignored).
     */
    public static <B, R> VoteCount<B, R> open(VotingMethod<B, R> method, Electorate electorate,
                                              Map<MemberId, MemberId> delegateOf, Integer maxChainLength,
                                              Map<MemberId, ? extends B> ballots) {
        return new VoteCount<>(method, electorate, delegateOf, maxChainLength == null ? 0 : maxChainLength, ballots);
    }

    /** The member casts (or recasts) a ballot. */
    public void cast(MemberId member, B choice) {
        Objects.requireNonNull(choice, "ballot");
        int v = indexOf(member);
        if (choice.equals(ballot[v])) {
            return;
        }
        int affected = uncountThrough(v);
        record(v, choice);
        chains.end[v] = ChainResolution.VOTED;
        chains.endsAt[v] = v;
        chains.hops[v] = 0;
        recount(affected);
    }

    /** The member takes their ballot back: their power follows their delegation again. */
    public void retract(MemberId member) {
        int v = indexOf(member);
        if (ballot[v] == null) {
            return;
        }
        int affected = uncountThrough(v);
        record(v, null);
        resolveForward(v);
        recount(affected);
    }

    /** {@code member} now delegates to {@code delegateOrNull} for this proposal's topic (null: to nobody). */
    public void delegate(MemberId member, MemberId delegateOrNull) {
        int m = indexOf(member);
        int target = target(m, delegateOrNull);
        if (delegate[m] == target) {
            return;
        }
        if (ballot[m] != null) {
            // their own ballot counts, for them and for everyone whose chain reaches them: only the links change
            unlink(m);
            delegate[m] = target;
            link(m);
            return;
        }
        int affected = uncountThrough(m);
        unlink(m);
        delegate[m] = target;
        link(m);
        resolveForward(m);
        recount(affected);
    }

    public boolean inElectorate(MemberId member) {
        return index.containsKey(member);
    }

    /** The method's result from the sums as they stand. */
    public R result() {
        List<StakeholderClass> classes = electorate.classes();
        List<ClassSums> perClass = new ArrayList<>(classes.size());
        for (int c = 0; c < classes.size(); c++) {
            List<BigDecimal> methodSums = new ArrayList<>(width - 2);
            for (int s = 2; s < width; s++) {
                methodSums.add(sums.get(c * width + s));
            }
            perClass.add(new ClassSums(classes.get(c), sums.get(c * width + ELECTORATE), sums.get(c * width + PARTICIPATING),
                    methodSums));
        }
        return method.result(electorate, perClass);
    }

    /** Every member whose power counts, with the ballot it counts with and whose it is, in electorate order. */
    public List<CountedVote<B>> countedVotes() {
        List<Voter> voters = electorate.voters();
        List<CountedVote<B>> counted = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            if (chains.counted(i, maxChainLength)) {
                int by = chains.endsAt[i];
                counted.add(by == i ? CountedVote.direct(voters.get(i), ballotAt(i))
                        : CountedVote.delegated(voters.get(i), method.asDelegated(ballotAt(by)), ids[by]));
            }
        }
        return counted;
    }

    /**
     * How the member's power is counted, or why it is not. A cycle is listed from one of its members: which one
     * depends on the order the chains were resolved in, so the vote's readers ask a count opened afresh.
     */
    public Provenance<B> provenance(MemberId member) {
        Objects.requireNonNull(member, "member");
        Integer found = index.get(member);
        if (found == null) {
            return new Provenance<>(member, Provenance.Kind.NOT_IN_ELECTORATE, null, null, 0, List.of(member), List.of());
        }
        int i = found;
        int hops = chains.hops[i];
        List<MemberId> chain = chainFrom(i);
        return switch (chains.end[i]) {
            case ChainResolution.VOTED -> {
                int by = chains.endsAt[i];
                if (hops == 0) {
                    yield new Provenance<>(member, Provenance.Kind.DIRECT, ballotAt(i), member, 0, chain, List.of());
                }
                boolean counted = chains.counted(i, maxChainLength);
                yield new Provenance<>(member, counted ? Provenance.Kind.DELEGATED : Provenance.Kind.CHAIN_TOO_LONG,
                        counted ? method.asDelegated(ballotAt(by)) : null, ids[by], hops, chain, List.of());
            }
            case ChainResolution.ENDS_WITHOUT_BALLOT ->
                    new Provenance<>(member, Provenance.Kind.NO_DELEGATION, null, null, hops, chain, List.of());
            case ChainResolution.ENDS_OUTSIDE_ELECTORATE -> {
                List<MemberId> withOutsider = new ArrayList<>(chain);
                withOutsider.add(outsider.get(chains.endsAt[i]));
                yield new Provenance<>(member, Provenance.Kind.DELEGATE_NOT_IN_ELECTORATE, null, null, hops + 1, withOutsider, List.of());
            }
            default -> new Provenance<>(member, Provenance.Kind.CYCLE, null, null, 0, chain, cycleThrough(chains.endsAt[i]));
        };
    }

    /** The member and each delegate followed, until the chain ends or repeats; capped for display. */
    private List<MemberId> chainFrom(int start) {
        List<MemberId> chain = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int x = start;
        while (x >= 0 && seen.add(x) && chain.size() < Provenance.MAX_SHOWN) {
            chain.add(ids[x]);
            if (ballot[x] != null) {
                break;
            }
            x = delegate[x];
        }
        return chain;
    }

    private List<MemberId> cycleThrough(int onCycle) {
        List<MemberId> cycle = new ArrayList<>();
        int x = onCycle;
        do {
            cycle.add(ids[x]);
            x = delegate[x];
        } while (x != onCycle && cycle.size() < Provenance.MAX_SHOWN);
        return cycle;
    }

    @SuppressWarnings("unchecked")
    /** Sets a member's ballot (null: none) and its compiled forms. */
    private void record(int member, B choice) {
        ballot[member] = choice;
        if (choice == null) {
            compiled[member] = null;
            compiledForDelegators[member] = null;
            return;
        }
        compiled[member] = method.compile(choice);
        B delegated = method.asDelegated(choice);
        compiledForDelegators[member] = delegated == choice ? compiled[member] : method.compile(delegated);
    }

    private B ballotAt(int member) {
        return (B) ballot[member];
    }

    private int indexOf(MemberId member) {
        Integer i = index.get(member);
        if (i == null) {
            throw new IllegalArgumentException(member + " is not in this vote's electorate");
        }
        return i;
    }

    private int target(int delegator, MemberId delegateOrNull) {
        if (delegateOrNull == null) {
            outsider.remove(delegator);
            return ChainResolution.NO_DELEGATION;
        }
        Integer d = index.get(delegateOrNull);
        if (d == null) {
            outsider.put(delegator, delegateOrNull);
            return ChainResolution.OUTSIDE_ELECTORATE;
        }
        outsider.remove(delegator);
        return d;
    }

    private void link(int m) {
        int d = delegate[m];
        previousDelegator[m] = NO_LINK;
        nextDelegator[m] = NO_LINK;
        if (d >= 0) {
            nextDelegator[m] = firstDelegator[d];
            if (firstDelegator[d] != NO_LINK) {
                previousDelegator[firstDelegator[d]] = m;
            }
            firstDelegator[d] = m;
        }
    }

    private void unlink(int m) {
        int d = delegate[m];
        if (d < 0) {
            return;
        }
        if (previousDelegator[m] != NO_LINK) {
            nextDelegator[previousDelegator[m]] = nextDelegator[m];
        } else {
            firstDelegator[d] = nextDelegator[m];
        }
        if (nextDelegator[m] != NO_LINK) {
            previousDelegator[nextDelegator[m]] = previousDelegator[m];
        }
    }

    /**
     * Uncounts {@code root} and every member whose chain passes through it (breadth first over reverse links,
     * not past members with a ballot of their own), leaving them in {@link #queue} in that order; returns how many.
     */
    private int uncountThrough(int root) {
        stamp++;
        int size = 0;
        queue[size++] = root;
        mark[root] = stamp;
        for (int head = 0; head < size; head++) {
            int x = queue[head];
            count(x, -1);
            for (int d = firstDelegator[x]; d != NO_LINK; d = nextDelegator[d]) {
                if (mark[d] != stamp && ballot[d] == null) {
                    mark[d] = stamp;
                    queue[size++] = d;
                }
            }
        }
        return size;
    }

    /** Resolves the first queued member from its delegate, whose chain does not pass through it unless it is a cycle. */
    private void resolveForward(int m) {
        int d = delegate[m];
        if (d == ChainResolution.NO_DELEGATION || d == ChainResolution.OUTSIDE_ELECTORATE) {
            chains.end[m] = d == ChainResolution.NO_DELEGATION ? ChainResolution.ENDS_WITHOUT_BALLOT : ChainResolution.ENDS_OUTSIDE_ELECTORATE;
            chains.endsAt[m] = m;
            chains.hops[m] = 0;
        } else if (mark[d] == stamp) {
            // the delegate's chain leads back here: a cycle without a ballot
            chains.end[m] = ChainResolution.ENDS_IN_CYCLE;
            chains.endsAt[m] = m;
            chains.hops[m] = 0;
        } else {
            chains.follow(m, d);
        }
    }

    /** Re-derives and counts the queued members: each one's delegate comes before it in the queue, or is unaffected. */
    private void recount(int affected) {
        count(queue[0], 1);
        for (int i = 1; i < affected; i++) {
            int x = queue[i];
            chains.follow(x, delegate[x]);
            count(x, 1);
        }
    }

    private void count(int member, int sign) {
        if (!chains.counted(member, maxChainLength)) {
            return;
        }
        int by = chains.endsAt[member];
        Object counted = by == member ? compiled[member] : compiledForDelegators[by];
        adder.base = classOf[member] * width;
        adder.member = member;
        adder.sign = sign;
        sums.add(adder.base + PARTICIPATING, member, sign);
        method.countCompiled(counted, adder);
    }

    /** Where the method's {@link VotingMethod#count} adds: the counted member's class, power and sign. */
    private final class Adder implements VotingMethod.Sums {
        int base;
        int member;
        int sign;

        @Override
        public void add(int sum, long multiplier) {
            if (sum < 0 || sum >= width - 2 || multiplier < 0 || multiplier > largestMultiplier) {
                throw new IllegalArgumentException("a method adds to its own sums, with a multiplier of 0 to " + largestMultiplier);
            }
            sums.add(base + 2 + sum, member, sign * multiplier);
        }
    }

    /** Exact power sums in units of 10^-scale: longs when they cannot overflow, arbitrary precision otherwise. */
    private interface PowerSums {

        void add(int at, int member, long times);

        BigDecimal get(int at);

        /** Longs when even the whole electorate's power times the largest multiplier fits; otherwise BigIntegers. */
        static PowerSums of(List<Voter> voters, int scale, int size, long largestMultiplier) {
            try {
                long[] units = new long[voters.size()];
                long total = 0;
                for (int i = 0; i < units.length; i++) {
                    units[i] = voters.get(i).power().movePointRight(scale).longValueExact();
                    total = Math.addExact(total, units[i]);
                }
                Math.multiplyExact(total, largestMultiplier);
                return new LongSums(units, new long[size], scale);
            } catch (ArithmeticException tooLargeForALong) {
                BigInteger[] units = new BigInteger[voters.size()];
                for (int i = 0; i < units.length; i++) {
                    units[i] = voters.get(i).power().movePointRight(scale).toBigIntegerExact();
                }
                BigInteger[] sums = new BigInteger[size];
                Arrays.fill(sums, BigInteger.ZERO);
                return new BigSums(units, sums, scale);
            }
        }
    }

    private record LongSums(long[] units, long[] sums, int scale) implements PowerSums {
        @Override
        public void add(int at, int member, long times) {
            sums[at] += times * units[member];
        }

        @Override
        public BigDecimal get(int at) {
            return BigDecimal.valueOf(sums[at], scale);
        }
    }

    private record BigSums(BigInteger[] units, BigInteger[] sums, int scale) implements PowerSums {
        @Override
        public void add(int at, int member, long times) {
            sums[at] = sums[at].add(units[member].multiply(BigInteger.valueOf(times)));
        }

        @Override
        public BigDecimal get(int at) {
            return new BigDecimal(sums[at], scale);
        }
    }
}
