package coop.plenum.governance.tally;

import coop.plenum.governance.cooperative.StakeholderClass;
import coop.plenum.governance.membership.MemberId;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tally of one open vote, kept up to date as ballots and delegations change (SPEC: "while voting is open the
 * provisional tally uses the current delegations"). A change touches only the members whose chain passes through
 * the member that changed, found through reverse delegation links; powers are summed as exact integers of
 * micro-units (power has six decimals), so an update costs O(affected members), not a recount. Not thread-safe.
 */
public final class LiveTally {

    private static final Choice[] CHOICES = Choice.values();
    private static final int NO_LINK = -1;

    private final Electorate electorate;
    private final int maxChainLength;
    private final Map<MemberId, Integer> index;
    private final MemberId[] ids;
    private final int[] classOf;
    private final long[] power;
    private final int[] delegate;
    private final byte[] ballot;
    /** Reverse delegation links as intrusive doubly-linked lists: who delegates to each member. */
    private final int[] firstDelegator;
    private final int[] nextDelegator;
    private final int[] previousDelegator;
    private final ChainResolution chains;
    /** [class][choice] counted micro-power; and [class] electorate micro-power. */
    private final long[][] counted;
    private final long[] electoratePower;
    private final int[] queue;
    private final int[] mark;
    private int stamp;

    private LiveTally(Electorate electorate, Map<MemberId, MemberId> delegateOf, int maxChainLength, Map<MemberId, Choice> ballots) {
        this.electorate = electorate;
        this.maxChainLength = Math.max(0, maxChainLength);
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
        power = new long[n];
        electoratePower = new long[classes.size()];
        for (int i = 0; i < n; i++) {
            Voter v = voters.get(i);
            index.put(v.memberId(), i);
            ids[i] = v.memberId();
            classOf[i] = classIndex.get(v.classId());
            power[i] = v.power().movePointRight(6).longValueExact();
            electoratePower[classOf[i]] += power[i];
        }
        delegate = new int[n];
        ballot = new byte[n];
        firstDelegator = new int[n];
        nextDelegator = new int[n];
        previousDelegator = new int[n];
        java.util.Arrays.fill(firstDelegator, NO_LINK);
        for (int i = 0; i < n; i++) {
            Choice choice = ballots.get(ids[i]);
            ballot[i] = choice == null ? ChainResolution.NO_BALLOT : (byte) choice.ordinal();
            delegate[i] = target(delegateOf.get(ids[i]));
            link(i);
        }
        chains = ChainResolution.resolve(delegate, ballot);
        counted = new long[classes.size()][CHOICES.length];
        for (int i = 0; i < n; i++) {
            count(i, 1);
        }
        queue = new int[n];
        mark = new int[n];
    }

    /** The live tally of an electorate, with the delegations in force for the proposal's topic and the ballots so far. */
    public static LiveTally open(Electorate electorate, Map<MemberId, MemberId> delegateOf, Integer maxChainLength,
                                 Map<MemberId, Choice> ballots) {
        return new LiveTally(electorate, delegateOf, maxChainLength == null ? 0 : maxChainLength, ballots);
    }

    public void cast(MemberId member, Choice choice) {
        int v = indexOf(member);
        if (ballot[v] == choice.ordinal()) {
            return;
        }
        int affected = uncountThrough(v);
        ballot[v] = (byte) choice.ordinal();
        chains.end[v] = ChainResolution.VOTED;
        chains.endsAt[v] = v;
        chains.hops[v] = 0;
        recount(affected);
    }

    public void retract(MemberId member) {
        int v = indexOf(member);
        if (ballot[v] == ChainResolution.NO_BALLOT) {
            return;
        }
        int affected = uncountThrough(v);
        ballot[v] = ChainResolution.NO_BALLOT;
        resolveForward(v);
        recount(affected);
    }

    /** {@code member} now delegates to {@code delegateOrNull} for this proposal's topic (null: to nobody). */
    public void delegate(MemberId member, MemberId delegateOrNull) {
        int m = indexOf(member);
        int target = target(delegateOrNull);
        if (delegate[m] == target) {
            return;
        }
        if (ballot[m] != ChainResolution.NO_BALLOT) {
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

    public Tally tally() {
        Map<String, TallyEngine.ClassSums> sums = new HashMap<>();
        List<StakeholderClass> classes = electorate.classes();
        for (int c = 0; c < classes.size(); c++) {
            TallyEngine.ClassSums s = new TallyEngine.ClassSums();
            s.electorate = micro(electoratePower[c]);
            s.yes = micro(counted[c][Choice.YES.ordinal()]);
            s.no = micro(counted[c][Choice.NO.ordinal()]);
            s.abstain = micro(counted[c][Choice.ABSTAIN.ordinal()]);
            sums.put(classes.get(c).id(), s);
        }
        return TallyEngine.fromSums(classes, electorate.decision(), sums);
    }

    private static BigDecimal micro(long value) {
        return BigDecimal.valueOf(value, 6);
    }

    private int indexOf(MemberId member) {
        Integer i = index.get(member);
        if (i == null) {
            throw new IllegalArgumentException(member + " is not in this vote's electorate");
        }
        return i;
    }

    private int target(MemberId delegateOrNull) {
        if (delegateOrNull == null) {
            return ChainResolution.NO_DELEGATION;
        }
        Integer d = index.get(delegateOrNull);
        return d == null ? ChainResolution.OUTSIDE_ELECTORATE : d;
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
                if (mark[d] != stamp && ballot[d] == ChainResolution.NO_BALLOT) {
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
        if (chains.counted(member, maxChainLength)) {
            counted[classOf[member]][ballot[chains.endsAt[member]]] += sign * power[member];
        }
    }
}
