package coop.plenum.governance.proposal.query;

import coop.plenum.governance.proposal.ProposalState;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.VotingOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Each cooperative's open votes and latest decisions, for the home page's "votes waiting for you" and "recent
 * decisions" (issue 14). The proposals read model answers by cooperative only through a scan of all its proposals;
 * this one keeps the few ids a home page needs under the cooperative's key. Its own processing group, so an existing
 * log fills it from the start. Idempotent: opening adds to a set; closing pulls from it and adds a decision only when
 * that proposal's is not there yet; the decisions are kept sorted by closing time and cut to the latest ones, so
 * events of different proposals handled in any order give the same document.
 */
@Component
@ProcessingGroup("readmodel-vote-agenda")
class VoteAgendaProjection {

    private final ReactiveMongoTemplate mongo;

    VoteAgendaProjection(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @ResetHandler
    void dropBeforeReplay() {
        mongo.dropCollection(VoteAgendaDocument.class).block();
        mongo.dropCollection(VoteAgendaDocument.Owner.class).block();
    }

    @EventHandler
    void on(VotingOpened e) {
        String proposal = e.proposalId().value();
        String coop = e.cooperativeId().value();
        mongo.upsert(Query.query(where("_id").is(proposal)), Update.update("cooperativeId", coop), VoteAgendaDocument.Owner.class)
                .block();
        mongo.upsert(Query.query(where("_id").is(coop)), new Update().addToSet("open", proposal).setOnInsert("decided", List.of()),
                VoteAgendaDocument.class).block();
    }

    @EventHandler
    void on(VotingClosed e) {
        String proposal = e.proposalId().value();
        VoteAgendaDocument.Owner owner = mongo.findById(proposal, VoteAgendaDocument.Owner.class).block();
        if (owner == null) {
            return; // a vote closes only after it opened, and the same segment handled the opening first
        }
        Query agenda = Query.query(where("_id").is(owner.cooperativeId()));
        mongo.updateFirst(agenda, new Update().pull("open", proposal), VoteAgendaDocument.class).block();
        Query notDecidedYet = Query.query(where("_id").is(owner.cooperativeId()).and("decided.proposalId").ne(proposal));
        mongo.updateFirst(notDecidedYet, new Update().push("decided")
                        .sort(Sort.by(Sort.Order.desc("closedAt"), Sort.Order.asc("proposalId")))
                        .slice(VoteAgenda.RECENT_DECISIONS)
                        .each(new VoteAgendaDocument.Decided(proposal, e.closedAt())),
                VoteAgendaDocument.class).block();
    }

    @QueryHandler
    CompletableFuture<VoteAgenda> handle(FindVoteAgenda query) {
        return mongo.findById(query.cooperativeId().value(), VoteAgendaDocument.class)
                .flatMap(this::agenda)
                .defaultIfEmpty(VoteAgenda.none())
                .toFuture();
    }

    /**
     * The proposals by id, as the proposals read model has them: another processing group, a moment ahead or behind,
     * so a proposal it does not know yet is left out, and an open one it already knows as closed too.
     */
    private Mono<VoteAgenda> agenda(VoteAgendaDocument d) {
        List<String> open = d.open() == null ? List.of() : d.open();
        List<VoteAgendaDocument.Decided> decided = d.decided() == null ? List.of() : d.decided();
        List<String> ids = new ArrayList<>(open);
        decided.forEach(x -> ids.add(x.proposalId()));
        if (ids.isEmpty()) {
            return Mono.just(VoteAgenda.none());
        }
        Query q = Query.query(where("_id").in(ids));
        q.fields().exclude("electorate").exclude("revisions").exclude("comments").exclude("applied");
        return mongo.find(q, ProposalDocument.class).map(ProposalProjection::summary)
                .collectMap(s -> s.proposalId().value())
                .map(found -> new VoteAgenda(openVotes(open, found), decisions(decided, found)));
    }

    private static List<ProposalSummary> openVotes(List<String> open, Map<String, ProposalSummary> found) {
        return open.stream().map(found::get)
                .filter(s -> s != null && s.state() == ProposalState.VOTING)
                .sorted(Comparator.comparing((ProposalSummary s) -> s.votingClosesAt() == null ? Instant.MAX : s.votingClosesAt())
                        .thenComparing(s -> s.proposalId().value()))
                .toList();
    }

    private static List<VoteAgenda.Decision> decisions(List<VoteAgendaDocument.Decided> decided, Map<String, ProposalSummary> found) {
        Map<String, ProposalSummary> byId = new HashMap<>(found);
        return decided.stream()
                .sorted(Comparator.comparing(VoteAgendaDocument.Decided::closedAt).reversed()
                        .thenComparing(VoteAgendaDocument.Decided::proposalId))
                .filter(x -> byId.get(x.proposalId()) != null && byId.get(x.proposalId()).state() != ProposalState.VOTING)
                .map(x -> new VoteAgenda.Decision(byId.get(x.proposalId()), x.closedAt()))
                .toList();
    }
}
