package coop.plenum.governance.notification.query;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.notification.FindNonVoters;
import coop.plenum.governance.notification.NotifiedElector;
import coop.plenum.governance.voting.Delegations;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

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

    Participation participation(VoteDocument vote) {
        return new Participation(vote, member -> delegateOf(vote.cooperativeId(), member, vote.topic()));
    }

    /** Electors of an open vote whose power is not counted now (empty for a vote not open). */
    @QueryHandler
    List<NotifiedElector> handle(FindNonVoters query) {
        return find(query.proposalId().value())
                .filter(v -> VoteDocument.VOTING.equals(v.state()))
                .map(v -> participation(v).notCounted())
                .orElse(List.of());
    }

    /** The member's delegate for the topic: the topic's own delegation, else the global one; null if neither. */
    private String delegateOf(String coop, String member, String topic) {
        DelegateDocument d = mongo.findById(PersonDocument.key(coop, member), DelegateDocument.class).block();
        if (d == null) {
            return null;
        }
        String global = null;
        for (DelegateDocument.Scoped s : d.scopes()) {
            if (s.scope().equals(topic)) {
                return s.delegateId();
            }
            if (s.scope().equals(Delegations.GLOBAL)) {
                global = s.delegateId();
            }
        }
        return global;
    }

}
