package coop.plenum.governance.notification.query;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.notification.FindNonVoters;
import coop.plenum.governance.notification.FindVoteStanding;
import coop.plenum.governance.notification.NotifiedElector;
import coop.plenum.governance.notification.Turnout;
import coop.plenum.governance.notification.VoteStanding;
import coop.plenum.governance.notification.FindTurnout;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The votes as the notification processor last saw them, and who is counted in them. */
@Component
class Votes {

    private final ReactiveMongoTemplate mongo;

    Votes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<VoteDocument> find(String proposalId) {
        return Optional.ofNullable(mongo.findById(proposalId, VoteDocument.class).block());
    }

    /** The vote's electorate, in the order it was frozen at opening. */
    List<ElectorDocument> electors(String proposalId) {
        return mongo.find(Query.query(where("proposalId").is(proposalId)).with(org.springframework.data.domain.Sort.by("order")),
                ElectorDocument.class).collectList().block();
    }

    /**
     * The whole vote at once, for the rare questions about everyone (who is not counted, which classes are short):
     * its electors in one query and the cooperative's delegations in another.
     */
    Participation participation(VoteDocument vote) {
        List<ElectorDocument> electors = electors(vote.proposalId());
        Set<String> voters = new HashSet<>();
        electors.stream().filter(ElectorDocument::voted).forEach(e -> voters.add(e.memberId()));
        Map<String, String> delegates = new HashMap<>();
        if (vote.isSecret()) {
            // no delegation in a secret vote: whoever has not cast a sealed ballot is not counted
            return new Participation(vote, electors.stream().map(ElectorDocument::elector).toList(), voters, m -> null);
        }
        mongo.find(Query.query(where("cooperativeId").is(vote.cooperativeId())), DelegateDocument.class)
                .doOnNext(d -> {
                    String delegate = d.delegateFor(vote.topic());
                    if (delegate != null) {
                        delegates.put(d.memberId(), delegate);
                    }
                }).blockLast();
        return new Participation(vote, electors.stream().map(ElectorDocument::elector).toList(), voters, delegates::get);
    }

    /**
     * Electors without a ballot of their own whose power the caster's ballot now carries, found from the caster back;
     * read as the batch of ballots being projected leaves the read model ({@link BallotBatch}).
     */
    List<VoteDocument.Elector> carriedBy(VoteDocument vote, String caster, BallotBatch batch) {
        String coop = vote.cooperativeId();
        return CarriedBy.walk(caster, vote.topic(), vote.maxChainLength(), new CarriedBy.Lookups() {
            @Override
            public List<DelegatorsDocument.Delegator> delegatorsOf(String member) {
                return batch.delegatorsOf(mongo, coop, vote.proposalId(), member);
            }

            @Override
            public ElectorDocument elector(String member) {
                return batch.voted(mongo.findById(ElectorDocument.key(vote.proposalId(), member), ElectorDocument.class).block());
            }

            @Override
            public String delegateOf(String member) {
                DelegateDocument d = mongo.findById(PersonDocument.key(coop, member), DelegateDocument.class).block();
                return d == null ? null : d.delegateFor(vote.topic());
            }
        });
    }

    /**
     * One member's standing, by the chain rule {@link Participation#countedWith} applies to the whole vote, walked
     * forward from the member by key: their delegate for the vote's topic, whether that delegate is an elector with a
     * ballot, and so on, stopping outside the electorate, at a member met before, or past the charter's maximum of hops.
     */
    @QueryHandler
    VoteStanding handle(FindVoteStanding query) {
        String proposal = query.proposalId().value();
        String member = query.memberId().value();
        VoteDocument vote = find(proposal).orElse(null);
        ElectorDocument me = vote == null ? null : mongo.findById(ElectorDocument.key(proposal, member), ElectorDocument.class).block();
        if (me == null) {
            return VoteStanding.OUTSIDE;
        }
        if (me.voted()) {
            return new VoteStanding(true, true, null);
        }
        if (vote.isSecret()) {
            return new VoteStanding(true, false, null);
        }
        Set<String> seen = new HashSet<>();
        seen.add(member);
        String current = member;
        int hops = 0;
        boolean limited = vote.maxChainLength() != null && vote.maxChainLength() > 0;
        while (true) {
            DelegateDocument delegation = mongo.findById(PersonDocument.key(vote.cooperativeId(), current), DelegateDocument.class).block();
            String delegate = delegation == null ? null : delegation.delegateFor(vote.topic());
            hops++;
            if (delegate == null || !seen.add(delegate) || (limited && hops > vote.maxChainLength())) {
                return new VoteStanding(true, false, null);
            }
            ElectorDocument next = mongo.findById(ElectorDocument.key(proposal, delegate), ElectorDocument.class).block();
            if (next == null) {
                return new VoteStanding(true, false, null);
            }
            if (next.voted()) {
                return new VoteStanding(true, false, new MemberId(delegate));
            }
            current = delegate;
        }
    }

    /** A vote's turnout: its electors with a ballot of their own, counted over the vote's electors (one index read). */
    @QueryHandler
    Turnout handle(FindTurnout query) {
        String proposal = query.proposalId().value();
        if (find(proposal).filter(v -> !VoteDocument.SUBMITTED.equals(v.state())).isEmpty()) {
            return null;
        }
        long[] counts = new long[2];
        mongo.find(Query.query(where("proposalId").is(proposal)), ElectorDocument.class)
                .doOnNext(e -> {
                    counts[1]++;
                    if (e.voted()) {
                        counts[0]++;
                    }
                }).blockLast();
        return new Turnout(counts[0], counts[1]);
    }

    /** Electors of an open vote whose power is not counted now (empty for a vote not open). */
    @QueryHandler
    List<NotifiedElector> handle(FindNonVoters query) {
        return find(query.proposalId().value())
                .filter(v -> VoteDocument.VOTING.equals(v.state()))
                .map(v -> participation(v).notCounted())
                .orElse(List.of());
    }
}
