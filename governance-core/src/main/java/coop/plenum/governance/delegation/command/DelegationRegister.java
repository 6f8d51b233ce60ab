package coop.plenum.governance.delegation.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.cooperative.CooperativeFacts;
import coop.plenum.governance.delegation.DelegateVote;
import coop.plenum.governance.delegation.DelegationRevoked;
import coop.plenum.governance.delegation.DelegationStreams;
import coop.plenum.governance.delegation.RevokeDelegation;
import coop.plenum.governance.delegation.VoteDelegated;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberStatus;
import coop.plenum.governance.voting.DelegationTimeline;
import coop.plenum.governance.voting.Delegations;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.StateConflict;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A cooperative's delegation register: decides every delegation and revocation of the cooperative's members and
 * records them in a stream of its own ({@code delegations-{cooperativeId}}), so they never contend with membership
 * and charter work on the Cooperative. Who may delegate to whom depends on the cooperative (seats, statuses, the
 * charter's topics and delegation rule): those facts are read from the Cooperative aggregate for each decision
 * ({@link CooperativeFacts}), never copied here. The delegate in force before a change also counts the changes the
 * cooperative's own stream recorded before this register existed ({@link DelegationStreams}). Created by its first
 * recorded change ({@link DelegationRegisterHandler}).
 */
@Aggregate(cache = "aggregateCache")
class DelegationRegister {

    @AggregateIdentifier
    private String registerId;
    /** The changes recorded in this register, in log order. */
    private final DelegationTimeline recorded = new DelegationTimeline();

    DelegationRegister() {
        // for Axon's event sourcing, and a register's first change
    }

    void delegate(DelegateVote command, String actor, Instant now, CooperativeFacts coop) {
        command.assertInputValid();
        AccountId member = membershipOf(coop, command.memberId());
        onlyTheMemberThemselvesDelegates(member, actor);
        onlyActiveMembersDelegate(coop, command.memberId());
        Charter charter = coop.charterInForce();
        delegationIsEnabledByTheCharter(charter);
        scopeIsGlobalOrACharterTopic(charter, command.scope());
        delegateIsAnotherActiveMember(coop, command.memberId(), command.delegateId());
        MemberId previous = delegateInForce(coop, command.memberId(), command.scope());
        if (command.delegateId().equals(previous)) {
            return; // already so: nothing happened
        }
        apply(new VoteDelegated(command.cooperativeId(), command.memberId(), command.scope(), command.delegateId(), previous, now));
    }

    void revoke(RevokeDelegation command, String actor, Instant now, CooperativeFacts coop) {
        onlyTheMemberThemselvesDelegates(membershipOf(coop, command.memberId()), actor);
        MemberId current = delegateInForce(coop, command.memberId(), command.scope());
        if (current != null) {
            apply(new DelegationRevoked(command.cooperativeId(), command.memberId(), command.scope(), current, now));
        }
    }

    /** What this register recorded, in log order. */
    List<DelegationTimeline.Change> changes() {
        return List.copyOf(recorded.changes());
    }

    // ---- rules, each named ----------------------------------------------------------------------------------

    private static AccountId membershipOf(CooperativeFacts coop, MemberId memberId) {
        return coop.accountOf(memberId).orElseThrow(() ->
                new StateConflict("membership.unknown-member", "no member " + memberId + " in this cooperative"));
    }

    private static void onlyTheMemberThemselvesDelegates(AccountId member, String actor) {
        if (!member.value().equals(actor)) {
            throw new NotAllowed("delegation.not-yours", "only the member themselves may delegate their vote");
        }
    }

    private static void onlyActiveMembersDelegate(CooperativeFacts coop, MemberId memberId) {
        MemberStatus status = coop.statusOf(memberId).orElseThrow();
        if (status != MemberStatus.ACTIVE) {
            throw new StateConflict("membership.wrong-status", "cannot delegate the vote of member " + memberId
                    + ": the membership is " + status + ", this needs " + List.of(MemberStatus.ACTIVE));
        }
    }

    private static void delegationIsEnabledByTheCharter(Charter charter) {
        if (!Boolean.TRUE.equals(charter.delegation().enabled())) {
            throw new StateConflict("delegation.disabled", "this cooperative's charter does not allow delegating votes");
        }
    }

    private static void scopeIsGlobalOrACharterTopic(Charter charter, String scope) {
        if (!Delegations.GLOBAL.equals(scope) && (scope == null || !charter.topics().contains(scope))) {
            throw new InvalidInput("topic", "delegation.topic-unknown",
                    "delegate for one of the charter's topics " + charter.topics() + " or " + Delegations.GLOBAL);
        }
    }

    private static void delegateIsAnotherActiveMember(CooperativeFacts coop, MemberId memberId, MemberId delegateId) {
        if (delegateId == null) {
            throw new InvalidInput("delegateId", "delegation.delegate-missing", "delegateId names the member to delegate to");
        }
        if (delegateId.equals(memberId)) {
            throw new InvalidInput("delegateId", "delegation.to-oneself", "a member cannot delegate to themselves");
        }
        MemberStatus delegate = coop.statusOf(delegateId).orElseThrow(() -> new InvalidInput("delegateId",
                "delegation.delegate-not-member", "the delegate is not a member of this cooperative"));
        if (delegate != MemberStatus.ACTIVE) {
            throw new StateConflict("delegation.delegate-not-active",
                    "votes are delegated only to ACTIVE members; this one is " + delegate);
        }
    }

    /** The delegate in force now: after the cooperative stream's changes, then this register's. */
    private MemberId delegateInForce(CooperativeFacts coop, MemberId delegator, String scope) {
        return DelegationStreams.delegateInForce(coop.delegationsInTheCooperativeStream(), recorded, delegator, scope);
    }

    // ---- state changes ---------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(VoteDelegated event) {
        registered(event.cooperativeId());
        recorded.record(new DelegationTimeline.Change(event.delegatedAt(), event.memberId(), event.scope(), event.delegateId()));
    }

    @EventSourcingHandler
    void on(DelegationRevoked event) {
        registered(event.cooperativeId());
        recorded.record(new DelegationTimeline.Change(event.revokedAt(), event.memberId(), event.scope(), null));
    }

    private void registered(CooperativeId cooperativeId) {
        if (registerId == null) {
            registerId = DelegationStreams.registerId(cooperativeId);
        }
    }
}
