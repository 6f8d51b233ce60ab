package coop.plenum.governance.proposal.query;

import coop.plenum.governance.election.ElectionResult;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.delegation.query.DelegationHistory;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.DelegationTimeline;
import coop.plenum.governance.voting.Electorate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;


/**
 * The provisional tallies of open votes, kept as {@link coop.plenum.governance.voting.VoteCount}s (through {@link MethodCount}, whatever the method): each read applies only the ballots and
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

    private final Map<String, ElectionCount> elections = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ElectionCount> eldest) {
            return size() > OPEN_VOTES_KEPT;
        }
    });

    /** Open SECRET votes, whose live tally is participation per class (see {@link #secretParticipation}). */
    private final Map<String, SecretVote> secretVotes = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SecretVote> eldest) {
            return size() > OPEN_VOTES_KEPT;
        }
    });

    LiveTallies(ProposalBallots ballots, DelegationHistory delegations) {
        this.ballots = ballots;
        this.delegations = delegations;
    }

    /** One open vote's tally: the frozen electorate, every ballot so far and the delegations in force now. */
    private static final class Entry {
        final MethodCount<?> live;
        final String topic;
        final boolean delegating;
        final DelegationTimeline.InForce inForce;
        long ballotSequence = -1;
        long delegationSequence = -1;
        // the last result and the changes it counted: a read with nothing new since costs no count at all (an Equal
        // Shares or Schulze count is not incremental, and every live page reads the tally on every change)
        private MethodCount.Counted result;
        private long resultBallots = -2;
        private long resultDelegations = -2;

        MethodCount.Counted result() {
            if (result == null || resultBallots != ballotSequence || resultDelegations != delegationSequence) {
                result = live.result();
                resultBallots = ballotSequence;
                resultDelegations = delegationSequence;
            }
            return result;
        }

        Entry(MethodCount<?> live, String topic, boolean delegating, DelegationTimeline.InForce inForce) {
            this.live = live;
            this.topic = topic;
            this.delegating = delegating;
            this.inForce = inForce;
        }
    }

    /**
     * The tally now. {@code electorate} is subscribed to only when the vote's count is not cached yet (the first read
     * on this node, or after a rebuild): reading the frozen electorate of a large vote on every change would cost
     * more than the change.
     */
    Mono<MethodCount.Counted> provisional(ProposalDocument d, Mono<Electorate> electorate, int maxChainLength, boolean delegating) {
        Entry cached = entries.get(d.id());
        long ballotsAfter = cached == null ? -1 : cached.ballotSequence;
        long delegationsAfter = cached == null || !delegating ? -1 : cached.delegationSequence;
        Mono<List<BallotDocument>> newBallots = ballots.after(d.id(), ballotsAfter);
        Mono<List<DelegationHistory.Change>> newDelegations = delegating
                ? delegations.changesAfter(new CooperativeId(d.cooperativeId()), delegationsAfter).collectList()
                : Mono.just(List.of());
        if (cached == null) {
            return Mono.zip(electorate, newBallots, newDelegations).map(read -> {
                Entry built = build(d, read.getT1(), maxChainLength, delegating, read.getT2(), read.getT3());
                entries.put(d.id(), built);
                synchronized (built) {
                    return built.result();
                }
            });
        }
        return newBallots.zipWith(newDelegations).map(changes -> {
            synchronized (cached) {
                changes.getT2().stream().filter(c -> c.sequence() > cached.delegationSequence).forEach(c -> delegationChanged(cached, c));
                changes.getT1().stream().filter(b -> b.sequence() > cached.ballotSequence).forEach(b -> ballot(cached, b));
                return cached.result();
            }
        });
    }

    /** The first read of a vote: every ballot and delegation change at once, resolved in one pass. */
    private static Entry build(ProposalDocument d, Electorate electorate, int maxChainLength, boolean delegating,
                               List<BallotDocument> ballots, List<DelegationHistory.Change> changes) {
        DelegationTimeline.InForce inForce = new DelegationTimeline.InForce();
        long delegationSequence = -1;
        for (DelegationHistory.Change c : changes) {
            inForce.apply(c.memberId(), c.scope(), c.delegateId());
            delegationSequence = c.sequence();
        }
        long ballotSequence = ballots.isEmpty() ? -1 : ballots.get(ballots.size() - 1).sequence();
        Map<MemberId, MemberId> effective = delegating ? inForce.delegations().forTopic(d.topic()) : Map.of();
        Entry entry = new Entry(MethodCount.open(d, electorate, effective, maxChainLength, ballots, java.time.Instant.MAX),
                d.topic(), delegating, inForce);
        entry.ballotSequence = ballotSequence;
        entry.delegationSequence = delegationSequence;
        return entry;
    }

    private static void ballot(Entry entry, BallotDocument b) {
        entry.live.apply(b);
        entry.ballotSequence = b.sequence();
    }

    private static void delegationChanged(Entry entry, DelegationHistory.Change c) {
        entry.inForce.apply(c.memberId(), c.scope(), c.delegateId());
        if (entry.delegating && entry.live.inElectorate(c.memberId())) {
            entry.live.delegate(c.memberId(), entry.inForce.forTopic(c.memberId(), entry.topic));
        }
        entry.delegationSequence = c.sequence();
    }

    /** An open ELECTION's count and the last ballot event it counted. */
    private record ElectionCount(long ballotSequence, ElectionResult result) {
    }

    /**
     * An open ELECTION's count now. Meek's method is no incremental count (a recount at 10,000 voters takes more than
     * a second), so the count is kept with the last ballot event it counted and made again only when a ballot or a
     * retraction came in since: the reads in between (every live page, on every change) cost one small query.
     * {@code recount} counts the given ballots of the vote, all of them.
     */
    Mono<ElectionResult> election(String proposalId, Function<List<BallotDocument>, Mono<ElectionResult>> recount) {
        ElectionCount cached = elections.get(proposalId);
        if (cached == null) {
            return recountElection(proposalId, recount);
        }
        return ballots.after(proposalId, cached.ballotSequence())
                .flatMap(since -> since.isEmpty() ? Mono.just(cached.result()) : recountElection(proposalId, recount));
    }

    private Mono<ElectionResult> recountElection(String proposalId, Function<List<BallotDocument>, Mono<ElectionResult>> recount) {
        return ballots.of(proposalId).flatMap(all -> recount.apply(all).doOnNext(result -> elections.put(proposalId,
                new ElectionCount(all.isEmpty() ? -1 : all.get(all.size() - 1).sequence(), result))));
    }

    /**
     * An open secret vote: its frozen electorate, who takes part so far and the last ballot event that counted, and
     * the participation per class counted from them (counted again only when someone took part or withdrew since).
     */
    private static final class SecretVote {
        final Electorate electorate;
        final SecretParticipation participation = new SecretParticipation();
        private coop.plenum.governance.tally.Tally counted;
        private long countedAt = -2;

        SecretVote(Electorate electorate) {
            this.electorate = electorate;
        }

        coop.plenum.governance.tally.Tally counted() {
            if (counted == null || countedAt != participation.sequence()) {
                counted = participation.tally(electorate);
                countedAt = participation.sequence();
            }
            return counted;
        }
    }

    /**
     * An open secret vote's live tally: who takes part, per class, over the frozen electorate. The electorate is read
     * from the proposal's whole document ({@code load}) on the first read only (issue 16's "electorate out of
     * documents read per request"); who takes part is read from the ballot pages, on the first read all of them and
     * then only the ballot events after the last one counted (a new ballot or retraction is a new event in the pages:
     * a read after it always brings the count forward, whichever node projected it).
     */
    Mono<coop.plenum.governance.tally.Tally> secretParticipation(String proposalId, Mono<Electorate> load) {
        SecretVote known = secretVotes.get(proposalId);
        Mono<SecretVote> vote = known != null ? Mono.just(known) : load.map(electorate -> {
            SecretVote first = new SecretVote(electorate);
            SecretVote raced = secretVotes.putIfAbsent(proposalId, first);
            return raced == null ? first : raced;
        });
        return vote.flatMap(v -> {
            long after;
            synchronized (v) {
                after = v.participation.sequence();
            }
            return ballots.after(proposalId, after).map(events -> {
                synchronized (v) {
                    events.forEach(v.participation::apply);
                    return v.counted();
                }
            });
        });
    }

    /** Forgets every cached tally (the read models are being rebuilt). */
    void clear() {
        entries.clear();
        elections.clear();
        secretVotes.clear();
    }

    /** Forgets a vote's cached tally once it closed (its final tally follows the frozen delegations). */
    void closed(String proposalId) {
        entries.remove(proposalId);
        elections.remove(proposalId);
        secretVotes.remove(proposalId);
    }
}
