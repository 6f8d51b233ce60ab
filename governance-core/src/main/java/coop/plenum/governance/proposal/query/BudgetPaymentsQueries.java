package coop.plenum.governance.proposal.query;

import coop.plenum.governance.budget.BudgetCount;
import coop.plenum.governance.budget.BudgetResult;
import coop.plenum.governance.budget.MemberPayments;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.options.OptionBallot;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.governance.voting.Ratio;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Issue 15, "the result lists … what each supporter paid": one member's payments in a decided open-ballot BUDGET vote,
 * from the same count the proposal closed with (the frozen electorate, the ballots as of closing, the delegations
 * frozen then), kept for the last few votes asked about ({@link KeptBudgetRuns}). A SECRET budget's payments are
 * never told (they would tell what each voter approved), nor an undecided one's.
 */
@Component
class BudgetPaymentsQueries implements DisposableBean {

    private final ReactiveMongoTemplate mongo;
    private final ProposalBallots ballots;
    private final KeptBudgetRuns runs = new KeptBudgetRuns();
    /** One recount at a time, off the store driver's threads (see {@link KeptBudgetRuns}). */
    private final ExecutorService counting = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "budget-payments-count");
        t.setDaemon(true);
        return t;
    });

    BudgetPaymentsQueries(ReactiveMongoTemplate mongo, ProposalBallots ballots) {
        this.mongo = mongo;
        this.ballots = ballots;
    }

    @QueryHandler
    CompletableFuture<BudgetPaymentsView> handle(FindBudgetPayments query) {
        String id = query.proposalId().value();
        // the small document first: a kept run needs nothing else, and a 100,000-member electorate costs a read to map
        Query slim = Query.query(where("_id").is(id));
        slim.fields().exclude("electorate").exclude("frozenDelegations").exclude("revisions").exclude("comments")
                .exclude("applied").exclude("secretParticipants");
        return mongo.findOne(slim, ProposalDocument.class)
                .flatMap(d -> answer(d, query.memberId()))
                .toFuture();
    }

    private Mono<BudgetPaymentsView> answer(ProposalDocument slim, MemberId member) {
        if (slim.votingMethod() != VoteMethod.BUDGET || slim.secret() || slim.closedAt() == null) {
            return Mono.just(view(slim, false, null));
        }
        Mono<KeptBudgetRuns.Run> found = Mono.fromFuture(() -> runs.get(slim.id(),
                () -> mongo.findById(slim.id(), ProposalDocument.class).zipWith(ballots.of(slim.id())).toFuture(),
                read -> count(read.getT1(), read.getT2()), counting), true);
        return found.map(run -> !run.inElectorate(member.value()) ? view(slim, false, null)
                : view(slim, true, slim.outcome() == Outcome.ACCEPTED ? run.result().paymentsOf(member)
                        : nothingPaid(run.result(), member)));
    }

    @Override
    public void destroy() {
        counting.shutdownNow();
    }

    /** After NO_QUORUM or REJECTED nothing is funded, so nobody paid, whatever the run would have bought. */
    private static MemberPayments nothingPaid(BudgetResult run, MemberId member) {
        return new MemberPayments(member, run.shares().get(member), List.of(), Ratio.ZERO);
    }

    /** The count the proposal closed with: the same inputs as the closed tally ({@code ProposalProjection}). */
    private static KeptBudgetRuns.Run count(ProposalDocument d, List<BallotDocument> all) {
        Map<MemberId, MemberId> frozen = new HashMap<>();
        if (d.delegation() != null && Boolean.TRUE.equals(d.delegation().enabled()) && d.frozenDelegations() != null) {
            d.frozenDelegations().forEach(f -> frozen.put(new MemberId(f.memberId()), new MemberId(f.delegateId())));
        }
        int max = d.delegation() == null || d.delegation().maxChainLength() == null ? 0 : d.delegation().maxChainLength();
        var electorate = ProposalProjection.electorate(d);
        Map<MemberId, OptionBallot> last = MethodCount.lastBallots(all, d.closedAt(), BallotDocument::optionBallot);
        var count = BudgetCount.open(d.optionsOrNone(), electorate, frozen, max, last);
        String[] members = d.electorate().stream().map(ProposalDocument.Elector::memberId).sorted().toArray(String[]::new);
        return new KeptBudgetRuns.Run(BudgetCount.equalShares(d.budget(), d.optionsOrNone(), electorate, count), members);
    }

    private static BudgetPaymentsView view(ProposalDocument d, boolean inElectorate, MemberPayments payments) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (payments != null) {
            Map<String, String> all = new HashMap<>();
            d.optionsOrNone().forEach(o -> all.put(o.id(), o.label()));
            payments.payments().forEach(p -> labels.put(p.projectId(), all.get(p.projectId())));
        }
        return new BudgetPaymentsView(new ProposalId(d.id()), new CooperativeId(d.cooperativeId()), d.votingMethod(), d.secret(),
                d.state(), d.outcome(), d.budget() == null ? null : d.budget().currency(), inElectorate, payments, labels);
    }
}
