package coop.plenum.governance.tally;

import coop.plenum.governance.membership.MemberId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * SPEC "Liquid delegation": a member's own ballot counts; otherwise their power counts with the ballot of the first
 * member along their chain of delegations for the proposal's topic who cast one (ABSTAIN included), in the
 * member's own class. The chain ends without counting at a member with no delegation, a member outside the
 * electorate, a cycle, or after more than {@code maxChainLength} hops (0: unlimited). Linear in members plus
 * delegations, without recursion.
 */
public final class DelegationResolver implements VoteResolution {

    private static final Choice[] CHOICES = Choice.values();

    private final Map<MemberId, MemberId> delegateOf;
    private final int maxChainLength;

    /** @param delegateOf each delegator's delegate for this proposal's topic (see {@link Delegations#forTopic}) */
    public DelegationResolver(Map<MemberId, MemberId> delegateOf, int maxChainLength) {
        this.delegateOf = Map.copyOf(delegateOf);
        this.maxChainLength = Math.max(0, maxChainLength);
    }

    public static DelegationResolver of(Delegations delegations, String topic, Integer maxChainLength) {
        return new DelegationResolver(delegations.forTopic(topic), maxChainLength == null ? 0 : maxChainLength);
    }

    @Override
    public List<CountedVote> resolve(Electorate electorate, Map<MemberId, Choice> ballots) {
        return explain(electorate, ballots).countedVotes();
    }

    public Resolved explain(Electorate electorate, Map<MemberId, Choice> ballots) {
        List<Voter> voters = electorate.voters();
        int n = voters.size();
        Map<MemberId, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(voters.get(i).memberId(), i);
        }
        int[] delegate = new int[n];
        byte[] ballot = new byte[n];
        for (int i = 0; i < n; i++) {
            MemberId m = voters.get(i).memberId();
            Choice choice = ballots.get(m);
            ballot[i] = choice == null ? ChainResolution.NO_BALLOT : (byte) choice.ordinal();
            MemberId d = delegateOf.get(m);
            delegate[i] = d == null ? ChainResolution.NO_DELEGATION
                    : index.getOrDefault(d, ChainResolution.OUTSIDE_ELECTORATE);
        }
        return new Resolved(voters, index, delegate, ballot, ChainResolution.resolve(delegate, ballot));
    }

    /** The resolution of one electorate's ballots: the counted votes, and each member's provenance on demand. */
    public final class Resolved {
        private final List<Voter> voters;
        private final Map<MemberId, Integer> index;
        private final int[] delegate;
        private final byte[] ballot;
        private final ChainResolution chains;

        private Resolved(List<Voter> voters, Map<MemberId, Integer> index, int[] delegate, byte[] ballot, ChainResolution chains) {
            this.voters = voters;
            this.index = index;
            this.delegate = delegate;
            this.ballot = ballot;
            this.chains = chains;
        }

        public List<CountedVote> countedVotes() {
            List<CountedVote> counted = new ArrayList<>();
            for (int i = 0; i < voters.size(); i++) {
                if (chains.counted(i, maxChainLength)) {
                    int by = chains.endsAt[i];
                    Choice choice = CHOICES[ballot[by]];
                    counted.add(by == i ? CountedVote.direct(voters.get(i), choice)
                            : CountedVote.delegated(voters.get(i), choice, voters.get(by).memberId()));
                }
            }
            return counted;
        }

        public Provenance provenance(MemberId member) {
            Objects.requireNonNull(member, "member");
            Integer i = index.get(member);
            if (i == null) {
                return new Provenance(member, Provenance.Kind.NOT_IN_ELECTORATE, null, null, 0, List.of(member), List.of());
            }
            int hops = chains.hops[i];
            List<MemberId> chain = chainFrom(i);
            return switch (chains.end[i]) {
                case ChainResolution.VOTED -> {
                    MemberId by = voters.get(chains.endsAt[i]).memberId();
                    Choice choice = CHOICES[ballot[chains.endsAt[i]]];
                    if (hops == 0) {
                        yield new Provenance(member, Provenance.Kind.DIRECT, choice, member, 0, chain, List.of());
                    }
                    yield new Provenance(member, chains.counted(i, maxChainLength) ? Provenance.Kind.DELEGATED
                            : Provenance.Kind.CHAIN_TOO_LONG, chains.counted(i, maxChainLength) ? choice : null, by, hops, chain, List.of());
                }
                case ChainResolution.ENDS_WITHOUT_BALLOT ->
                        new Provenance(member, Provenance.Kind.NO_DELEGATION, null, null, hops, chain, List.of());
                case ChainResolution.ENDS_OUTSIDE_ELECTORATE -> {
                    List<MemberId> withOutsider = new ArrayList<>(chain);
                    withOutsider.add(delegateOf.get(voters.get(chains.endsAt[i]).memberId()));
                    yield new Provenance(member, Provenance.Kind.DELEGATE_NOT_IN_ELECTORATE, null, null, hops + 1, withOutsider, List.of());
                }
                default -> new Provenance(member, Provenance.Kind.CYCLE, null, null, 0, chain, cycleThrough(chains.endsAt[i]));
            };
        }

        /** The member and each delegate followed, until the chain ends or repeats; capped for display. */
        private List<MemberId> chainFrom(int start) {
            List<MemberId> chain = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            int x = start;
            while (x >= 0 && seen.add(x) && chain.size() < Provenance.MAX_SHOWN) {
                chain.add(voters.get(x).memberId());
                if (ballot[x] != ChainResolution.NO_BALLOT) {
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
                cycle.add(voters.get(x).memberId());
                x = delegate[x];
            } while (x != onCycle && cycle.size() < Provenance.MAX_SHOWN);
            return cycle;
        }
    }
}
