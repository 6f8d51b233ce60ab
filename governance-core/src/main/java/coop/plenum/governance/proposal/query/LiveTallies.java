package coop.plenum.governance.proposal.query;

import coop.plenum.governance.cooperative.CooperativeId;
import coop.plenum.governance.delegation.query.DelegationHistory;
import coop.plenum.governance.membership.MemberId;
import coop.plenum.governance.tally.Delegations;
import coop.plenum.governance.tally.Electorate;
import coop.plenum.governance.tally.LiveTally;
import coop.plenum.governance.tally.Tally;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * The provisional tallies of open votes, kept as {@link LiveTally}s: each read applies only the ballots and
 * delegation changes recorded since the previous read (found by event sequence number in the read models), so an
 * update costs what the changed members' chains cost, not a recount. Pulled from the read models rather than pushed
 * by this node's processors, so it is right whichever node projected the events; a cached tally that cannot be
 * brought forward (a rebuilt read model) is built again from scratch.
 */
@Component
class LiveTallies {

    private static final int OPEN_VOTES_KEPT = 64;

    private final ProposalBallots ballots;
    private final DelegationHistory delegations;
    private final Map<String, Entry> entries = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > OPEN_VOTES_KEPT;
        }
    });

    LiveTallies(ProposalBallots ballots, DelegationHistory delegations) {
        this.ballots = ballots;
        this.delegations = delegations;
    }

    /** One open vote's tally: the frozen electorate, every ballot so far and the delegations in force now. */
    private static final class Entry {
        final LiveTally live;
        final String topic;
        final boolean delegating;
        final Map<MemberId, Map<String, MemberId>> inForce = new HashMap<>();
        long ballotSequence = -1;
        long delegationSequence = -1;

        Entry(LiveTally live, String topic, boolean delegating) {
            this.live = live;
            this.topic = topic;
            this.delegating = delegating;
        }
    }

    Mono<Tally> provisional(ProposalDocument d, Electorate electorate, int maxChainLength, boolean delegating) {
        Entry cached = entries.get(d.id());
        long ballotsAfter = cached == null ? -1 : cached.ballotSequence;
        long delegationsAfter = cached == null || !delegating ? -1 : cached.delegationSequence;
        Mono<List<BallotDocument>> newBallots = ballots.after(d.id(), ballotsAfter);
        Mono<List<DelegationHistory.Change>> newDelegations = delegating
                ? delegations.changesAfter(new CooperativeId(d.cooperativeId()), delegationsAfter).collectList()
                : Mono.just(List.of());
        return newBallots.zipWith(newDelegations).map(changes -> {
            if (cached == null) {
                Entry built = build(d, electorate, maxChainLength, delegating, changes.getT1(), changes.getT2());
                entries.put(d.id(), built);
                return built.live.tally();
            }
            synchronized (cached) {
                changes.getT2().stream().filter(c -> c.sequence() > cached.delegationSequence).forEach(c -> delegationChanged(cached, c));
                changes.getT1().stream().filter(b -> b.sequence() > cached.ballotSequence).forEach(b -> ballot(cached, b, electorate));
                return cached.live.tally();
            }
        });
    }

    /** The first read of a vote: every ballot and delegation change at once, resolved in one pass. */
    private static Entry build(ProposalDocument d, Electorate electorate, int maxChainLength, boolean delegating,
                               List<BallotDocument> ballots, List<DelegationHistory.Change> changes) {
        Map<MemberId, Map<String, MemberId>> inForce = new HashMap<>();
        long delegationSequence = -1;
        for (DelegationHistory.Change c : changes) {
            Map<String, MemberId> scopes = inForce.computeIfAbsent(c.memberId(), m -> new HashMap<>());
            if (c.delegateId() == null) {
                scopes.remove(c.scope());
            } else {
                scopes.put(c.scope(), c.delegateId());
            }
            delegationSequence = c.sequence();
        }
        Map<MemberId, coop.plenum.governance.tally.Choice> latest = new HashMap<>();
        long ballotSequence = -1;
        for (BallotDocument b : ballots) {
            MemberId member = new MemberId(b.memberId());
            if (b.choice() == null) {
                latest.remove(member);
            } else if (electorate.voter(member).isPresent()) {
                latest.put(member, b.choice());
            }
            ballotSequence = b.sequence();
        }
        Map<MemberId, MemberId> effective = delegating ? new Delegations(copy(inForce)).forTopic(d.topic()) : Map.of();
        Entry entry = new Entry(LiveTally.open(electorate, effective, maxChainLength, latest), d.topic(), delegating);
        entry.inForce.putAll(inForce);
        entry.ballotSequence = ballotSequence;
        entry.delegationSequence = delegationSequence;
        return entry;
    }

    private static Map<MemberId, Map<String, MemberId>> copy(Map<MemberId, Map<String, MemberId>> inForce) {
        Map<MemberId, Map<String, MemberId>> copy = new HashMap<>();
        inForce.forEach((member, scopes) -> copy.put(member, Map.copyOf(scopes)));
        return copy;
    }

    private static void ballot(Entry entry, BallotDocument b, Electorate electorate) {
        MemberId member = new MemberId(b.memberId());
        if (electorate.voter(member).isPresent()) {
            if (b.choice() == null) {
                entry.live.retract(member);
            } else {
                entry.live.cast(member, b.choice());
            }
        }
        entry.ballotSequence = b.sequence();
    }

    private static void delegationChanged(Entry entry, DelegationHistory.Change c) {
        Map<String, MemberId> scopes = entry.inForce.computeIfAbsent(c.memberId(), m -> new HashMap<>());
        if (c.delegateId() == null) {
            scopes.remove(c.scope());
        } else {
            scopes.put(c.scope(), c.delegateId());
        }
        MemberId effective = scopes.containsKey(entry.topic) ? scopes.get(entry.topic) : scopes.get(Delegations.GLOBAL);
        if (entry.delegating && entry.live.inElectorate(c.memberId())) {
            entry.live.delegate(c.memberId(), effective);
        }
        entry.delegationSequence = c.sequence();
    }

    /** Forgets every cached tally (the read models are being rebuilt). */
    void clear() {
        entries.clear();
    }

    /** Forgets a vote's cached tally once it closed (its final tally follows the frozen delegations). */
    void closed(String proposalId) {
        entries.remove(proposalId);
    }
}
