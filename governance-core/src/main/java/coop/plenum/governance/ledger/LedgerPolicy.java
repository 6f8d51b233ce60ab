package coop.plenum.governance.ledger;

import coop.plenum.governance.cooperative.CharterAmended;
import coop.plenum.governance.cooperative.CooperativeFounded;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.charter.LedgerRule;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.membership.MemberAdmitted;
import coop.plenum.governance.membership.MemberAdmittedByDecision;
import coop.plenum.governance.membership.MemberExpelled;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberReinstated;
import coop.plenum.governance.membership.MemberSuspended;
import coop.plenum.governance.membership.MembershipWithdrawn;
import coop.plenum.governance.membership.RoleGranted;
import coop.plenum.governance.membership.RoleRevoked;
import coop.plenum.governance.proposal.BudgetAllocated;
import coop.plenum.kernel.RuleViolation;
import coop.plenum.ledger.BudgetAllocationLine;
import coop.plenum.ledger.ChangeContributorStanding;
import coop.plenum.ledger.ConfigureValueEquation;
import coop.plenum.ledger.Contributor;
import coop.plenum.ledger.ContributorId;
import coop.plenum.ledger.ContributorStanding;
import coop.plenum.ledger.GrantBookkeeping;
import coop.plenum.ledger.LedgerId;
import coop.plenum.ledger.OpenLedger;
import coop.plenum.ledger.RecordBudgetAllocation;
import coop.plenum.ledger.RegisterContributor;
import coop.plenum.ledger.RevokeBookkeeping;
import coop.plenum.ledger.ValueEquation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Keeps each cooperative's ledger in step with governance (DESIGN "ledger … driven through policies"): a founding
 * opens the ledger with the charter's value equation, founders and secretary; an amendment reconfigures it;
 * admissions register contributors, suspensions, withdrawals and expulsions make them INACTIVE, reinstatement
 * ACTIVE again; the SECRETARY role is what lets an account record revenue; an accepted budget's funded projects
 * become allocations to be spent. The processor's token lives in
 * PostgreSQL and the commands run in its transaction, so each event is applied to the ledger exactly once.
 */
@Component
@ProcessingGroup("policy-ledger")
class LedgerPolicy {

    private static final Logger log = LoggerFactory.getLogger(LedgerPolicy.class);

    private final CommandGateway commands;

    LedgerPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(CooperativeFounded event) {
        send(new OpenLedger(ledgerOf(event.cooperativeId()), equationOf(event.charter().ledger()),
                event.founders().stream().map(f -> new Contributor(contributor(f.memberId()), f.accountId().value())).toList(),
                Set.of(event.secretaryAccountId().value())));
    }

    @EventHandler
    void on(CharterAmended event) {
        send(new ConfigureValueEquation(ledgerOf(event.cooperativeId()), equationOf(event.charter().ledger())));
    }

    @EventHandler
    void on(MemberAdmitted event) {
        send(new RegisterContributor(ledgerOf(event.cooperativeId()), contributor(event.memberId()), event.accountId().value()));
    }

    @EventHandler
    void on(MemberAdmittedByDecision event) {
        send(new RegisterContributor(ledgerOf(event.cooperativeId()), contributor(event.memberId()), event.accountId().value()));
    }

    @EventHandler
    void on(MemberSuspended event) {
        standing(event.cooperativeId(), event.memberId(), ContributorStanding.INACTIVE);
    }

    @EventHandler
    void on(MemberReinstated event) {
        standing(event.cooperativeId(), event.memberId(), ContributorStanding.ACTIVE);
    }

    @EventHandler
    void on(MembershipWithdrawn event) {
        standing(event.cooperativeId(), event.memberId(), ContributorStanding.INACTIVE);
    }

    @EventHandler
    void on(MemberExpelled event) {
        standing(event.cooperativeId(), event.memberId(), ContributorStanding.INACTIVE);
    }

    @EventHandler
    void on(RoleGranted event) {
        if (event.role() == Role.SECRETARY) {
            send(new GrantBookkeeping(ledgerOf(event.cooperativeId()), event.accountId().value()));
        }
    }

    @EventHandler
    void on(RoleRevoked event) {
        if (event.role() == Role.SECRETARY) {
            send(new RevokeBookkeeping(ledgerOf(event.cooperativeId()), event.accountId().value()));
        }
    }

    /**
     * The decision is named by its proposal id alone, and the Ledger records one allocation per decision: a
     * redelivered {@link BudgetAllocated} sends the same command, which records nothing the second time.
     */
    @EventHandler
    void on(BudgetAllocated event) {
        send(allocationOf(event));
    }

    static RecordBudgetAllocation allocationOf(BudgetAllocated event) {
        return new RecordBudgetAllocation(ledgerOf(event.cooperativeId()), event.proposalId().value(), event.currency(),
                event.budget(), event.allocations().stream()
                .map(a -> new BudgetAllocationLine(a.projectId(), a.label(), a.amount())).toList(),
                event.leftover(), event.allocatedAt());
    }

    private void standing(CooperativeId cooperativeId, MemberId memberId, ContributorStanding standing) {
        send(new ChangeContributorStanding(ledgerOf(cooperativeId), contributor(memberId), standing));
    }

    /**
     * A refusal is a fact about the ledger, not a failure to retry: it is logged and the stream moves on (retrying
     * would stop every later event from reaching the ledger). Infrastructure failures still propagate and are retried.
     */
    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuleViolation refused) {
            log.warn("The ledger refused {}: {}", command, refused.getMessage());
        }
    }

    static ValueEquation equationOf(LedgerRule rule) {
        return new ValueEquation(rule.rates(), rule.requiredEvaluations());
    }

    private static LedgerId ledgerOf(CooperativeId cooperativeId) {
        return LedgerId.ofCooperative(cooperativeId.value());
    }

    private static ContributorId contributor(MemberId memberId) {
        return new ContributorId(memberId.value());
    }
}
