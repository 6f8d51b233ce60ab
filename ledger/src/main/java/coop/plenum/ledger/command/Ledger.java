package coop.plenum.ledger.command;

import coop.plenum.kernel.ActingAccount;
import coop.plenum.kernel.Decimals;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.StateConflict;
import coop.plenum.ledger.BookkeepingGranted;
import coop.plenum.ledger.BudgetAllocationLine;
import coop.plenum.ledger.BudgetAllocationRecorded;
import coop.plenum.ledger.BudgetAllocationSpent;
import coop.plenum.ledger.BookkeepingRevoked;
import coop.plenum.ledger.ChangeContributorStanding;
import coop.plenum.ledger.ConfigureValueEquation;
import coop.plenum.ledger.ContributionAccepted;
import coop.plenum.ledger.ContributionEvaluated;
import coop.plenum.ledger.ContributionId;
import coop.plenum.ledger.ContributionLogged;
import coop.plenum.ledger.ContributionRejected;
import coop.plenum.ledger.ContributionStatus;
import coop.plenum.ledger.Contributor;
import coop.plenum.ledger.ContributorId;
import coop.plenum.ledger.ContributorRegistered;
import coop.plenum.ledger.ContributorStanding;
import coop.plenum.ledger.ContributorStandingChanged;
import coop.plenum.ledger.EvaluateContribution;
import coop.plenum.ledger.GrantBookkeeping;
import coop.plenum.ledger.LedgerFacts;
import coop.plenum.ledger.LedgerId;
import coop.plenum.ledger.LedgerInputRules;
import coop.plenum.ledger.LedgerOpened;
import coop.plenum.ledger.LogContribution;
import coop.plenum.ledger.MarkBudgetAllocationSpent;
import coop.plenum.ledger.OpenLedger;
import coop.plenum.ledger.PointsWindow;
import coop.plenum.ledger.RecordBudgetAllocation;
import coop.plenum.ledger.RecordRevenue;
import coop.plenum.ledger.RegisterContributor;
import coop.plenum.ledger.RevenueAllocated;
import coop.plenum.ledger.RevenueDistribution;
import coop.plenum.ledger.RevenueRecorded;
import coop.plenum.ledger.RevokeBookkeeping;
import coop.plenum.ledger.ValueEquation;
import coop.plenum.ledger.ValueEquationConfigured;
import coop.plenum.ledger.Verdict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cooperative's ledger: who contributes (kept in step with membership by governance policies), the value
 * equation in force, every contribution with its verdicts, and the accepted points per project that revenue is
 * shared by. It is the consistency boundary for "one verdict per evaluator", "never your own contribution" and
 * "a revenue is shared by the points accepted when it is recorded". The acting account comes from the command's
 * metadata.
 */
@Aggregate(cache = "aggregateCache")
class Ledger {

    @AggregateIdentifier
    private LedgerId ledgerId;
    private ValueEquation equation;
    private final Map<ContributorId, ContributorStanding> standings = new HashMap<>();
    /** The contributor each account acts as now (an account that re-joins gets a new member id). */
    private final Map<String, ContributorId> contributorOfAccount = new HashMap<>();
    private final Set<String> bookkeepers = new HashSet<>();
    private final Map<ContributionId, Contribution> contributions = new HashMap<>();
    /** Accepted contributions in acceptance order: voting power as of any instant, and what a revenue is shared by. */
    private final List<ContributionAccepted> accepted = new ArrayList<>();
    /** Decided budgets by deciding proposal: each is recorded once, however often governance says so, and each line spent once. */
    private final Map<String, DecidedBudget> budgets = new HashMap<>();

    Ledger() {
        // for Axon
    }

    @CommandHandler
    Ledger(OpenLedger command, Clock clock) {
        LedgerRules.assertValidEquation(command.equation());
        List<Contributor> contributors = command.contributors() == null ? List.of() : List.copyOf(command.contributors());
        Set<String> bookkeepers = command.bookkeeperAccountIds() == null ? Set.of() : Set.copyOf(command.bookkeeperAccountIds());
        apply(new LedgerOpened(command.ledgerId(), command.equation(), contributors, bookkeepers, clock.instant()));
    }

    // ---- kept in step with the cooperative -----------------------------------------------------------------

    @CommandHandler
    void handle(ConfigureValueEquation command, Clock clock) {
        LedgerRules.assertValidEquation(command.equation());
        if (!command.equation().equals(equation)) {
            apply(new ValueEquationConfigured(ledgerId, command.equation(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(RegisterContributor command, Clock clock) {
        ContributorId id = command.contributorId();
        if (!standings.containsKey(id)) {
            apply(new ContributorRegistered(ledgerId, id, command.accountId(), clock.instant()));
        } else if (standings.get(id) != ContributorStanding.ACTIVE) {
            apply(new ContributorStandingChanged(ledgerId, id, ContributorStanding.ACTIVE, clock.instant()));
        }
    }

    @CommandHandler
    void handle(ChangeContributorStanding command, Clock clock) {
        ContributorStanding now = standings.get(command.contributorId());
        if (now == null) {
            throw new NotFound("contributor.not-found", "no contributor '" + command.contributorId() + "' in this ledger");
        }
        if (now != command.standing()) {
            apply(new ContributorStandingChanged(ledgerId, command.contributorId(), command.standing(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(GrantBookkeeping command, Clock clock) {
        if (!bookkeepers.contains(command.accountId())) {
            apply(new BookkeepingGranted(ledgerId, command.accountId(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(RevokeBookkeeping command, Clock clock) {
        if (bookkeepers.contains(command.accountId())) {
            apply(new BookkeepingRevoked(ledgerId, command.accountId(), clock.instant()));
        }
    }

    // ---- contributions -----------------------------------------------------------------------------------

    @CommandHandler
    void handle(LogContribution command, @MetaDataValue(ActingAccount.METADATA_KEY) String actor, Clock clock) {
        ContributorId contributor = onlyActiveContributorsAct(actor, "log contributions");
        Instant now = clock.instant();
        LedgerRules.assertValidContribution(command, equation, LocalDate.ofInstant(now, ZoneOffset.UTC));
        if (contributions.containsKey(command.contributionId())) {
            throw new StateConflict("contribution.exists", "contribution '" + command.contributionId() + "' is already logged");
        }
        apply(new ContributionLogged(ledgerId, command.contributionId(), contributor, command.project(), command.type(),
                Decimals.plain(command.quantity()), equation.rateOf(command.type()), equation.requiredEvaluations(),
                command.description().strip(), command.occurredOn(), now));
    }

    @CommandHandler
    void handle(EvaluateContribution command, @MetaDataValue(ActingAccount.METADATA_KEY) String actor, Clock clock) {
        Contribution contribution = contributions.get(command.contributionId());
        if (contribution == null) {
            throw new NotFound("contribution.not-found", "no contribution '" + command.contributionId() + "' here");
        }
        ContributorId evaluator = onlyActiveContributorsAct(actor, "evaluate contributions");
        neverYourOwnContribution(contribution, evaluator);
        command.assertInputValid();
        onlyPendingContributionsAreEvaluated(contribution);
        oneVerdictPerEvaluator(contribution, evaluator);
        Instant now = clock.instant();
        String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        apply(new ContributionEvaluated(ledgerId, command.contributionId(), evaluator, command.verdict(), note, now));
        if (contribution.verdictsOf(Verdict.ACCEPT) >= contribution.logged.requiredEvaluations()) {
            ContributionLogged c = contribution.logged;
            apply(new ContributionAccepted(ledgerId, c.contributionId(), c.contributorId(), c.project(), c.occurredOn(),
                    ValueEquation.points(c.quantity(), c.rate()), now));
        } else if (contribution.verdictsOf(Verdict.REJECT) >= contribution.logged.requiredEvaluations()) {
            apply(new ContributionRejected(ledgerId, command.contributionId(), contribution.logged.contributorId(), now));
        }
    }

    private ContributorId onlyActiveContributorsAct(String actor, String what) {
        ContributorId contributor = actor == null ? null : contributorOfAccount.get(actor);
        if (contributor == null) {
            throw new NotAllowed("ledger.members-only", "only members of this cooperative may " + what);
        }
        if (standings.get(contributor) != ContributorStanding.ACTIVE) {
            throw new StateConflict("ledger.member-not-active", "only ACTIVE members may " + what);
        }
        return contributor;
    }

    private static void neverYourOwnContribution(Contribution contribution, ContributorId evaluator) {
        if (contribution.logged.contributorId().equals(evaluator)) {
            throw new NotAllowed("evaluation.own-contribution", "a contribution is evaluated by peers, never by its contributor");
        }
    }

    private static void onlyPendingContributionsAreEvaluated(Contribution contribution) {
        if (contribution.status != ContributionStatus.PENDING) {
            throw new StateConflict("evaluation.contribution-decided", "this contribution is already " + contribution.status);
        }
    }

    private static void oneVerdictPerEvaluator(Contribution contribution, ContributorId evaluator) {
        if (contribution.verdicts.containsKey(evaluator)) {
            throw new StateConflict("evaluation.already-given", "you already evaluated this contribution");
        }
    }

    // ---- revenue -----------------------------------------------------------------------------------------

    @CommandHandler
    void handle(RecordRevenue command, @MetaDataValue(ActingAccount.METADATA_KEY) String actor, Clock clock) {
        if (actor == null || !bookkeepers.contains(actor)) {
            throw new NotAllowed("revenue.secretaries-only", "only a secretary of this cooperative records revenue");
        }
        int minorDigits = LedgerRules.assertValidRevenue(command);
        Instant now = clock.instant();
        Map<ContributorId, BigDecimal> points = acceptedPointsIn(command.project());
        RevenueDistribution.Result result = RevenueDistribution.distribute(command.amount(), minorDigits, points);
        BigDecimal amount = command.amount().setScale(minorDigits);
        apply(new RevenueRecorded(ledgerId, command.revenueId(), command.project(), amount, command.currency(),
                result.unallocated(), now));
        BigDecimal total = points.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        for (RevenueDistribution.Share share : result.shares()) {
            apply(new RevenueAllocated(ledgerId, command.revenueId(), share.contributorId(), command.project(), share.amount(),
                    command.currency(), share.points(), total, now));
        }
    }

    private Map<ContributorId, BigDecimal> acceptedPointsIn(String project) {
        Map<ContributorId, BigDecimal> points = new HashMap<>();
        accepted.stream().filter(a -> a.project().equals(project))
                .forEach(a -> points.merge(a.contributorId(), a.points(), BigDecimal::add));
        return points;
    }

    // ---- budget allocations -------------------------------------------------------------------------------

    /**
     * A decided budget becomes allocations to be spent. Only governance sends this (no account acts), and it may send
     * the same decision again when its event is redelivered: the second time records nothing.
     */
    @CommandHandler
    void handle(RecordBudgetAllocation command, Clock clock) {
        command.assertInputValid();
        if (budgets.containsKey(command.decidedBy())) {
            return;
        }
        List<BudgetAllocationLine> lines = command.lines().stream()
                .map(l -> new BudgetAllocationLine(l.project(), l.label().strip(), Decimals.plain(l.amount())))
                .toList();
        apply(new BudgetAllocationRecorded(ledgerId, command.decidedBy(), command.currency(), Decimals.plain(command.budget()),
                lines, Decimals.plain(command.leftover()), command.decidedAt(), clock.instant()));
    }

    /**
     * A secretary closes one line of a decided budget with what was spent on it. The line must exist (404), be still
     * to be spent (409), and the amount fit the budget's currency and the line (400); the event carries the line's
     * label, currency and amounts, so a reader of the log needs no other event to understand it.
     */
    @CommandHandler
    void handle(MarkBudgetAllocationSpent command, @MetaDataValue(ActingAccount.METADATA_KEY) String actor, Clock clock) {
        command.assertInputValid();
        onlySecretariesRecordSpending(actor);
        DecidedBudget budget = budgets.get(command.decidedBy());
        BudgetAllocationLine line = budget == null ? null : budget.line(command.project());
        if (line == null) {
            throw new NotFound("allocation.not-found", "no budget line '" + command.project() + "' decided by '"
                    + command.decidedBy() + "' in this ledger");
        }
        aLineIsSpentOnce(budget, line);
        String currency = budget.recorded.currency();
        LedgerRules.assertValidSpentAmount(command.amount(), currency, line.amount());
        int minorDigits = Math.max(0, LedgerInputRules.minorDigitsOf(currency));
        BigDecimal allocated = line.amount().setScale(minorDigits);
        BigDecimal spent = command.amount().setScale(minorDigits);
        String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        apply(new BudgetAllocationSpent(ledgerId, command.decidedBy(), line.project(), line.label(), currency, allocated,
                spent, allocated.subtract(spent), note, actor, clock.instant()));
    }

    private void onlySecretariesRecordSpending(String actor) {
        if (actor == null || !bookkeepers.contains(actor)) {
            throw new NotAllowed("allocation.secretaries-only", "only a secretary of this cooperative records what a budget line spent");
        }
    }

    private static void aLineIsSpentOnce(DecidedBudget budget, BudgetAllocationLine line) {
        if (budget.spent.contains(line.project())) {
            throw new StateConflict("allocation.already-spent", "the budget line '" + line.label() + "' is already marked spent");
        }
    }

    // ---- facts for governance ----------------------------------------------------------------------------

    LedgerFacts facts() {
        List<ContributionAccepted> snapshot = List.copyOf(accepted);
        return (contributor, asOf, windowDays) -> snapshot.stream()
                .filter(a -> a.contributorId().equals(contributor))
                .filter(a -> PointsWindow.counts(a.occurredOn(), a.acceptedAt(), asOf, windowDays))
                .map(ContributionAccepted::points)
                .reduce(BigDecimal.ZERO.setScale(ValueEquation.POINT_SCALE), BigDecimal::add);
    }

    // ---- state -------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(LedgerOpened event) {
        ledgerId = event.ledgerId();
        equation = event.equation();
        for (Contributor c : event.contributors()) {
            standings.put(c.contributorId(), ContributorStanding.ACTIVE);
            contributorOfAccount.put(c.accountId(), c.contributorId());
        }
        bookkeepers.addAll(event.bookkeeperAccountIds());
    }

    @EventSourcingHandler
    void on(ValueEquationConfigured event) {
        equation = event.equation();
    }

    @EventSourcingHandler
    void on(ContributorRegistered event) {
        standings.put(event.contributorId(), ContributorStanding.ACTIVE);
        contributorOfAccount.put(event.accountId(), event.contributorId());
    }

    @EventSourcingHandler
    void on(ContributorStandingChanged event) {
        standings.put(event.contributorId(), event.standing());
    }

    @EventSourcingHandler
    void on(BookkeepingGranted event) {
        bookkeepers.add(event.accountId());
    }

    @EventSourcingHandler
    void on(BookkeepingRevoked event) {
        bookkeepers.remove(event.accountId());
    }

    @EventSourcingHandler
    void on(ContributionLogged event) {
        contributions.put(event.contributionId(), new Contribution(event));
    }

    @EventSourcingHandler
    void on(ContributionEvaluated event) {
        contributions.get(event.contributionId()).verdicts.put(event.evaluatorId(), event.verdict());
    }

    @EventSourcingHandler
    void on(ContributionAccepted event) {
        contributions.get(event.contributionId()).status = ContributionStatus.ACCEPTED;
        accepted.add(event);
    }

    @EventSourcingHandler
    void on(ContributionRejected event) {
        contributions.get(event.contributionId()).status = ContributionStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(BudgetAllocationRecorded event) {
        budgets.put(event.decidedBy(), new DecidedBudget(event));
    }

    @EventSourcingHandler
    void on(BudgetAllocationSpent event) {
        budgets.get(event.decidedBy()).spent.add(event.project());
    }

    /** What spending a budget's lines needs: the lines as decided and which of them are already spent. */
    private static final class DecidedBudget {
        final BudgetAllocationRecorded recorded;
        final Set<String> spent = new HashSet<>();

        DecidedBudget(BudgetAllocationRecorded recorded) {
            this.recorded = recorded;
        }

        BudgetAllocationLine line(String project) {
            return recorded.lines().stream().filter(l -> l.project().equals(project)).findFirst().orElse(null);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DecidedBudget other && recorded.equals(other.recorded) && spent.equals(other.spent);
        }

        @Override
        public int hashCode() {
            return recorded.hashCode();
        }
    }

    /** What deciding a contribution needs: how it was logged, its verdicts so far, its status. */
    private static final class Contribution {
        final ContributionLogged logged;
        final Map<ContributorId, Verdict> verdicts = new LinkedHashMap<>();
        ContributionStatus status = ContributionStatus.PENDING;

        Contribution(ContributionLogged logged) {
            this.logged = logged;
        }

        long verdictsOf(Verdict verdict) {
            return verdicts.values().stream().filter(verdict::equals).count();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Contribution other && logged.equals(other.logged) && verdicts.equals(other.verdicts)
                    && status == other.status;
        }

        @Override
        public int hashCode() {
            return logged.hashCode();
        }
    }
}
