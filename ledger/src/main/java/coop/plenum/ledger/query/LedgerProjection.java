package coop.plenum.ledger.query;

import coop.plenum.kernel.ActingAccount;
import coop.plenum.ledger.BudgetAllocationRecorded;
import coop.plenum.ledger.BudgetAllocationSpent;
import coop.plenum.ledger.ContributionAccepted;
import coop.plenum.ledger.ContributionEvaluated;
import coop.plenum.ledger.ContributionId;
import coop.plenum.ledger.ContributionLogged;
import coop.plenum.ledger.ContributionRejected;
import coop.plenum.ledger.ContributionStatus;
import coop.plenum.ledger.ContributorId;
import coop.plenum.ledger.PointsWindow;
import coop.plenum.ledger.RevenueAllocated;
import coop.plenum.ledger.RevenueId;
import coop.plenum.ledger.RevenueRecorded;
import coop.plenum.ledger.ValueEquation;
import coop.plenum.ledger.Verdict;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The open book: every contribution with its verdicts, every revenue with its allocations, and the totals per
 * contributor and project computed from them. Idempotent: creations are insert-only upserts, verdicts and
 * allocations are appended only when not there yet, decisions set fields to the event's values.
 */
@Component
@ProcessingGroup("readmodel-ledger")
class LedgerProjection {

    static final String CONTRIBUTIONS = "ledger_contributions";
    static final String REVENUES = "ledger_revenues";
    static final String ALLOCATIONS = "ledger_budget_allocations";
    private static final BigDecimal NO_POINTS = BigDecimal.ZERO.setScale(ValueEquation.POINT_SCALE);

    private final ReactiveMongoTemplate mongo;

    LedgerProjection(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @ResetHandler
    void dropBeforeReplay() {
        mongo.dropCollection(CONTRIBUTIONS).block();
        mongo.dropCollection(REVENUES).block();
        mongo.dropCollection(ALLOCATIONS).block();
    }

    @EventHandler
    void on(ContributionLogged e) {
        Update insertOnly = new Update()
                .setOnInsert("ledgerId", e.ledgerId().value())
                .setOnInsert("contributorId", e.contributorId().value())
                .setOnInsert("project", e.project())
                .setOnInsert("type", e.type())
                .setOnInsert("quantity", e.quantity())
                .setOnInsert("rate", e.rate())
                .setOnInsert("requiredEvaluations", e.requiredEvaluations())
                .setOnInsert("description", e.description())
                .setOnInsert("occurredOn", e.occurredOn().toString())
                .setOnInsert("loggedAt", e.loggedAt())
                .setOnInsert("status", ContributionStatus.PENDING.name())
                .setOnInsert("evaluations", List.of());
        mongo.upsert(byId(e.contributionId().value()), insertOnly, CONTRIBUTIONS).block();
    }

    @EventHandler
    void on(ContributionEvaluated e) {
        Query notYetThere = Query.query(where("_id").is(e.contributionId().value())
                .and("evaluations.evaluatorId").ne(e.evaluatorId().value()));
        mongo.updateFirst(notYetThere, new Update().push("evaluations", new ContributionDocument.Evaluation(
                e.evaluatorId().value(), e.verdict().name(), e.note(), e.evaluatedAt())), CONTRIBUTIONS).block();
    }

    @EventHandler
    void on(ContributionAccepted e) {
        mongo.updateFirst(byId(e.contributionId().value()), new Update()
                .set("status", ContributionStatus.ACCEPTED.name())
                .set("points", e.points())
                .set("decidedAt", e.acceptedAt()), CONTRIBUTIONS).block();
    }

    @EventHandler
    void on(ContributionRejected e) {
        mongo.updateFirst(byId(e.contributionId().value()), new Update()
                .set("status", ContributionStatus.REJECTED.name())
                .set("points", NO_POINTS)
                .set("decidedAt", e.rejectedAt()), CONTRIBUTIONS).block();
    }

    @EventHandler
    void on(RevenueRecorded e, @MetaDataValue(ActingAccount.METADATA_KEY) String actor) {
        Update insertOnly = new Update()
                .setOnInsert("ledgerId", e.ledgerId().value())
                .setOnInsert("project", e.project())
                .setOnInsert("amount", e.amount())
                .setOnInsert("currency", e.currency())
                .setOnInsert("unallocated", e.unallocated())
                .setOnInsert("recordedAt", e.recordedAt())
                .setOnInsert("recordedBy", actor)
                .setOnInsert("allocations", List.of());
        mongo.upsert(byId(e.revenueId().value()), insertOnly, REVENUES).block();
    }

    @EventHandler
    void on(RevenueAllocated e) {
        Query notYetThere = Query.query(where("_id").is(e.revenueId().value())
                .and("allocations.contributorId").ne(e.contributorId().value()));
        mongo.updateFirst(notYetThere, new Update().push("allocations", new RevenueDocument.Allocation(
                e.contributorId().value(), e.amount(), e.points(), e.projectPoints())), REVENUES).block();
    }

    @EventHandler
    void on(BudgetAllocationRecorded e) {
        Update insertOnly = new Update()
                .setOnInsert("ledgerId", e.ledgerId().value())
                .setOnInsert("decidedBy", e.decidedBy())
                .setOnInsert("currency", e.currency())
                .setOnInsert("budget", e.budget())
                .setOnInsert("leftover", e.leftover())
                .setOnInsert("decidedAt", e.decidedAt())
                .setOnInsert("recordedAt", e.recordedAt())
                .setOnInsert("lines", e.lines().stream()
                        .map(l -> new BudgetAllocationDocument.Line(l.project(), l.label(), l.amount())).toList());
        mongo.upsert(byId(allocationId(e.ledgerId().value(), e.decidedBy())), insertOnly, ALLOCATIONS).block();
    }

    @EventHandler
    void on(BudgetAllocationSpent e) {
        Query notYetThere = Query.query(where("_id").is(allocationId(e.ledgerId().value(), e.decidedBy()))
                .and("spendings.project").ne(e.project()));
        mongo.updateFirst(notYetThere, new Update().push("spendings", new BudgetAllocationDocument.Spending(
                e.project(), e.spent(), e.note(), e.spentBy(), e.spentAt())), ALLOCATIONS).block();
    }

    private static String allocationId(String ledgerId, String decidedBy) {
        return ledgerId + "/" + decidedBy;
    }

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }

    // ---- queries ---------------------------------------------------------------------------------------------

    @QueryHandler
    CompletableFuture<List<ContributionView>> handle(FindContributions query) {
        Criteria criteria = where("ledgerId").is(query.ledgerId().value());
        if (query.contributorId() != null) {
            criteria = criteria.and("contributorId").is(query.contributorId().value());
        }
        if (query.project() != null) {
            criteria = criteria.and("project").is(query.project());
        }
        if (query.status() != null) {
            criteria = criteria.and("status").is(query.status().name());
        }
        return contributions(criteria).collectList().toFuture();
    }

    @QueryHandler
    CompletableFuture<ContributionView> handle(FindContribution query) {
        return mongo.findOne(Query.query(where("_id").is(query.contributionId().value())
                        .and("ledgerId").is(query.ledgerId().value())), ContributionDocument.class, CONTRIBUTIONS)
                .map(LedgerProjection::view)
                .toFuture();
    }

    @QueryHandler
    CompletableFuture<List<RevenueView>> handle(FindRevenues query) {
        Criteria criteria = where("ledgerId").is(query.ledgerId().value());
        if (query.project() != null) {
            criteria = criteria.and("project").is(query.project());
        }
        return revenues(criteria).collectList().toFuture();
    }

    @QueryHandler
    CompletableFuture<List<BudgetAllocationView>> handle(FindBudgetAllocations query) {
        return mongo.find(Query.query(where("ledgerId").is(query.ledgerId().value()))
                                .with(Sort.by(Sort.Order.desc("decidedAt"), Sort.Order.asc("_id"))),
                        BudgetAllocationDocument.class, ALLOCATIONS)
                .map(LedgerProjection::view)
                .collectList().toFuture();
    }

    @QueryHandler
    CompletableFuture<AcceptedPointsView> handle(FindAcceptedPoints query) {
        return contributions(where("ledgerId").is(query.ledgerId().value()).and("status").is(ContributionStatus.ACCEPTED.name()))
                .filter(c -> PointsWindow.counts(c.occurredOn(), c.decidedAt(), query.asOf(), query.windowDays()))
                .reduce(new TreeMap<String, BigDecimal>(), (sums, c) -> {
                    sums.merge(c.contributorId().value(), c.points(), BigDecimal::add);
                    return sums;
                })
                .map(sums -> new AcceptedPointsView(Map.copyOf(sums)))
                .toFuture();
    }

    @QueryHandler
    CompletableFuture<OpenBookView> handle(FindOpenBook query) {
        Criteria ofLedger = where("ledgerId").is(query.ledgerId().value());
        return contributions(ofLedger).collectList()
                .zipWith(revenues(where("ledgerId").is(query.ledgerId().value())).collectList())
                .map(both -> OpenBookTotals.of(both.getT1(), both.getT2()))
                .toFuture();
    }

    private reactor.core.publisher.Flux<ContributionView> contributions(Criteria criteria) {
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Order.desc("loggedAt"), Sort.Order.asc("_id"))),
                ContributionDocument.class, CONTRIBUTIONS).map(LedgerProjection::view);
    }

    private reactor.core.publisher.Flux<RevenueView> revenues(Criteria criteria) {
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Order.desc("recordedAt"), Sort.Order.asc("_id"))),
                RevenueDocument.class, REVENUES).map(LedgerProjection::view);
    }

    static ContributionView view(ContributionDocument d) {
        List<ContributionView.Evaluation> evaluations = d.evaluations() == null ? List.of() : d.evaluations().stream()
                .map(e -> new ContributionView.Evaluation(new ContributorId(e.evaluatorId()), Verdict.valueOf(e.verdict()),
                        e.note(), e.at()))
                .toList();
        return new ContributionView(new ContributionId(d.id()), new ContributorId(d.contributorId()), d.project(), d.type(),
                d.quantity(), d.rate(), d.requiredEvaluations(), d.description(), LocalDate.parse(d.occurredOn()),
                d.loggedAt(), ContributionStatus.valueOf(d.status()), d.points(), d.decidedAt(), evaluations);
    }

    private static BudgetAllocationView view(BudgetAllocationDocument d) {
        Map<String, BudgetAllocationView.Spending> spent = new java.util.HashMap<>();
        if (d.spendings() != null) {
            d.spendings().forEach(s -> spent.putIfAbsent(s.project(),
                    new BudgetAllocationView.Spending(s.spent(), s.note(), s.spentBy(), s.spentAt())));
        }
        return new BudgetAllocationView(d.decidedBy(), d.currency(), d.budget(), d.leftover(), d.decidedAt(), d.recordedAt(),
                d.lines() == null ? List.of() : d.lines().stream()
                        .map(l -> new BudgetAllocationView.Line(l.project(), l.label(), l.amount(), spent.get(l.project())))
                        .toList());
    }

    private static RevenueView view(RevenueDocument d) {
        List<RevenueView.Allocation> allocations = d.allocations() == null ? List.of() : d.allocations().stream()
                .sorted(java.util.Comparator.comparing(RevenueDocument.Allocation::contributorId))
                .map(a -> new RevenueView.Allocation(new ContributorId(a.contributorId()), a.amount(), a.points(), a.projectPoints()))
                .toList();
        return new RevenueView(new RevenueId(d.id()), d.project(), d.amount(), d.currency(), d.unallocated(), d.recordedAt(),
                d.recordedBy(), allocations);
    }
}
