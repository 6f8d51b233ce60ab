package coop.plenum.governance.cooperative.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.KnownAccounts;
import coop.plenum.governance.axon.EventMetadata;
import coop.plenum.governance.charter.AdmissionPolicy;
import coop.plenum.governance.cooperative.ApplyDecision;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.cooperative.CharterAmended;
import coop.plenum.governance.charter.CharterHistory;
import coop.plenum.governance.charter.CharterRules;
import coop.plenum.governance.cooperative.command.SeatHistory.Seat;
import coop.plenum.governance.cooperative.CooperativeFacts;
import coop.plenum.governance.cooperative.CooperativeFounded;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.cooperative.DecisionNotApplicable;
import coop.plenum.governance.cooperative.Elector;
import coop.plenum.governance.cooperative.FoundingMember;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.delegation.DelegationRevoked;
import coop.plenum.governance.delegation.DelegationStreams;
import coop.plenum.governance.delegation.VoteDelegated;
import coop.plenum.governance.voting.DelegationTimeline;
import coop.plenum.governance.membership.AdmitMember;
import coop.plenum.governance.membership.ApplicationRejected;
import coop.plenum.governance.membership.ApplyForMembership;
import coop.plenum.governance.membership.ChangeMemberClass;
import coop.plenum.governance.membership.MemberAdmitted;
import coop.plenum.governance.membership.MemberAdmittedByDecision;
import coop.plenum.governance.membership.MemberClassChanged;
import coop.plenum.governance.membership.MemberExpelled;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberReinstated;
import coop.plenum.governance.membership.MemberStatus;
import coop.plenum.governance.membership.MemberSuspended;
import coop.plenum.governance.membership.MembershipApplied;
import coop.plenum.governance.membership.MembershipWithdrawn;
import coop.plenum.governance.membership.ReinstateMember;
import coop.plenum.governance.membership.RejectApplication;
import coop.plenum.governance.membership.RoleGranted;
import coop.plenum.governance.membership.RoleRevoked;
import coop.plenum.governance.membership.SetRoles;
import coop.plenum.governance.membership.SuspendMember;
import coop.plenum.governance.membership.WithdrawMembership;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.voting.Delegations;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.StateConflict;
import coop.plenum.governance.invitation.AcceptInvitation;
import coop.plenum.governance.invitation.InvitationAccepted;
import coop.plenum.governance.invitation.InvitationResent;
import coop.plenum.governance.invitation.InvitationRevoked;
import coop.plenum.governance.invitation.InvitationRules;
import coop.plenum.governance.invitation.InviteMembers;
import coop.plenum.governance.invitation.MemberInvited;
import coop.plenum.governance.invitation.ResendInvitation;
import coop.plenum.governance.invitation.RevokeInvitation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A cooperative: its charter, its members' statuses and classes, and who holds which role. It is the consistency
 * boundary for "one live membership per account" and "never without a secretary". Founding is decided by
 * {@link FoundCooperativeHandler} (it needs to know which accounts exist). The acting account comes from the
 * command's metadata, set by the API from the authenticated caller. Delegations are decided by the cooperative's
 * {@code DelegationRegister}, its own aggregate; this stream still holds the changes recorded before it existed.
 */
@Aggregate(cache = "aggregateCache")
class Cooperative {

    private static final Set<MemberStatus> LIVE = EnumSet.of(MemberStatus.APPLIED, MemberStatus.ACTIVE, MemberStatus.SUSPENDED);
    private static final Set<Role> ASSIGNABLE = EnumSet.of(Role.SECRETARY, Role.AUDITOR);

    @AggregateIdentifier
    private CooperativeId cooperativeId;
    /** Every member's statuses and classes over time: the seat now, and "as of T" exactly. */
    private final SeatHistory seats = new SeatHistory();
    /** The charters in force over time. */
    private final CharterHistory charters = new CharterHistory();
    private final Map<AccountId, Set<Role>> roles = new HashMap<>();
    private final InvitationBook invitations = new InvitationBook();
    /** Accepted proposals whose effect was applied (or found inapplicable): each is applied at most once. */
    private final Set<ProposalId> decisionsApplied = new java.util.HashSet<>();
    /**
     * Delegation changes recorded in this stream before delegations moved to the cooperative's register
     * ({@link DelegationStreams}); none is recorded here any more.
     */
    private final DelegationTimeline delegationsInThisStream = new DelegationTimeline();

    Cooperative() {
        // for Axon's event sourcing
    }

    Cooperative(CooperativeId id, String name, Charter charter, List<FoundingMember> founders,
                AccountId secretary, Instant now) {
        apply(new CooperativeFounded(id, name, charter, founders, secretary, now));
    }

    // ---- membership ---------------------------------------------------------------------------------------

    @CommandHandler
    void handle(ApplyForMembership command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        command.assertInputValid();
        auditorsAreReadOnly(actor);
        anAccountAppliesOnlyForItself(command.accountId(), actor);
        classIsInTheCharter(command.classId());
        oneLiveMembershipPerAccount(command.accountId());
        membershipIdIsNew(command.memberId());
        apply(new MembershipApplied(cooperativeId, command.memberId(), command.accountId(), command.classId(), clock.instant()));
    }

    @CommandHandler
    void handle(AdmitMember command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        onlySecretaries(actor);
        Seat seat = statusIs(command.memberId(), "admit", MemberStatus.APPLIED);
        secretariesAdmitOnlyUnderTheSecretaryPolicy();
        apply(new MemberAdmitted(cooperativeId, command.memberId(), seat.accountId(), seat.classId(), clock.instant()));
    }

    @CommandHandler
    void handle(RejectApplication command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        onlySecretaries(actor);
        Seat seat = statusIs(command.memberId(), "reject", MemberStatus.APPLIED);
        apply(new ApplicationRejected(cooperativeId, command.memberId(), seat.accountId(), clock.instant()));
    }

    @CommandHandler
    void handle(SuspendMember command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        onlySecretaries(actor);
        Seat seat = statusIs(command.memberId(), "suspend", MemberStatus.ACTIVE);
        apply(new MemberSuspended(cooperativeId, command.memberId(), seat.accountId(), clock.instant()));
    }

    @CommandHandler
    void handle(ReinstateMember command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        onlySecretaries(actor);
        Seat seat = statusIs(command.memberId(), "reinstate", MemberStatus.SUSPENDED);
        apply(new MemberReinstated(cooperativeId, command.memberId(), seat.accountId(), clock.instant()));
    }

    @CommandHandler
    void handle(WithdrawMembership command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        Seat seat = seatOf(command.memberId());
        onlyTheMemberThemselvesWithdraws(seat, actor);
        statusIs(command.memberId(), "withdraw", MemberStatus.ACTIVE, MemberStatus.SUSPENDED);
        apply(new MembershipWithdrawn(cooperativeId, command.memberId(), seat.accountId(), clock.instant()));
    }

    @CommandHandler
    void handle(ChangeMemberClass command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        command.assertInputValid();
        onlySecretaries(actor);
        classIsInTheCharter(command.classId());
        Seat seat = statusIs(command.memberId(), "move", MemberStatus.ACTIVE);
        if (seat.classId().equals(command.classId())) {
            return; // already there: nothing happened, so nothing is recorded
        }
        apply(new MemberClassChanged(cooperativeId, command.memberId(), seat.accountId(), seat.classId(),
                command.classId(), clock.instant()));
    }

    // ---- roles --------------------------------------------------------------------------------------------

    @CommandHandler
    void handle(SetRoles command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock, KnownAccounts accounts) {
        command.assertInputValid();
        onlySecretaries(actor);
        Set<Role> wanted = onlySecretaryAndAuditorAreAssigned(command.roles());
        if (command.accountId() == null || !accounts.exists(command.accountId())) {
            throw new InvalidInput("accountId", "roles.account-unknown", "no account '" + command.accountId() + "'");
        }
        Set<Role> held = roles.getOrDefault(command.accountId(), EnumSet.noneOf(Role.class));
        if (held.contains(Role.SECRETARY) && !wanted.contains(Role.SECRETARY)) {
            neverWithoutASecretary();
        }
        Instant now = clock.instant();
        for (Role role : ASSIGNABLE) {
            if (wanted.contains(role) && !held.contains(role)) {
                apply(new RoleGranted(cooperativeId, command.accountId(), role, now));
            } else if (!wanted.contains(role) && held.contains(role)) {
                apply(new RoleRevoked(cooperativeId, command.accountId(), role, now));
            }
        }
    }

    // ---- decisions --------------------------------------------------------------------------------------------

    /** Effects of accepted proposals, exactly once: a decision already applied is ignored (retries, replays). */
    @CommandHandler
    void handle(ApplyDecision command, Clock clock) {
        if (decisionsApplied.contains(command.proposalId())) {
            return;
        }
        Instant now = clock.instant();
        switch (command.kind()) {
            case CHARTER_AMENDMENT -> {
                Charter amended = CharterRules.complete(command.charter());
                List<coop.plenum.kernel.Violation> problems = CharterRules.violations(amended);
                if (problems.isEmpty()) {
                    apply(new CharterAmended(cooperativeId, command.proposalId(), amended, now));
                } else {
                    apply(new DecisionNotApplicable(cooperativeId, command.proposalId(), problems.get(0).message(), now));
                }
            }
            case ADMISSION -> {
                Seat seat = seats.current(command.memberId());
                if (seat != null && seat.status() == MemberStatus.APPLIED) {
                    apply(new MemberAdmittedByDecision(cooperativeId, command.memberId(), seat.accountId(), seat.classId(),
                            command.proposalId(), now));
                } else {
                    apply(new DecisionNotApplicable(cooperativeId, command.proposalId(),
                            "the applicant is no longer APPLIED" + (seat == null ? "" : " (" + seat.status() + ")"), now));
                }
            }
            case EXPULSION -> {
                Seat seat = seats.current(command.memberId());
                if (seat != null && (seat.status() == MemberStatus.ACTIVE || seat.status() == MemberStatus.SUSPENDED)) {
                    apply(new MemberExpelled(cooperativeId, command.memberId(), seat.accountId(), command.proposalId(), now));
                } else {
                    apply(new DecisionNotApplicable(cooperativeId, command.proposalId(),
                            "the member no longer holds a membership" + (seat == null ? "" : " (" + seat.status() + ")"), now));
                }
            }
            case GENERAL -> {
                // a general decision changes nothing in the cooperative
            }
        }
    }

    // ---- invitations ------------------------------------------------------------------------------------------
    // Invitations live in the cooperative's stream, not in an aggregate of their own: using one must decide, at once,
    // "this link was not used yet", "the class is in the charter", "one live membership per account" and, under the
    // SECRETARY admission policy, the admission itself. Only this aggregate can decide all four in one append, so a
    // link can never create two memberships, nor be spent without one. See docs/accounts.md.

    @CommandHandler
    void handle(InviteMembers command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        command.assertInputValid();
        onlySecretaries(actor);
        Instant now = clock.instant();
        for (int i = 0; i < command.invitees().size(); i++) {
            String classId = command.invitees().get(i).classId();
            if (!charter().hasClass(classId)) {
                throw new InvalidInput("invitees[" + i + "].classId", "membership.class-unknown", "the charter has no class '" + classId + "'");
            }
        }
        invitations.assertNewAndNotPending(command.invitees(), now);
        Instant expiresAt = now.plus(command.validFor());
        command.invitees().forEach(invitee -> apply(new MemberInvited(cooperativeId, invitee.invitationId(),
                InvitationRules.normalEmail(invitee.email()), invitee.classId(), invitee.tokenHash(), expiresAt,
                new AccountId(actor), now)));
    }

    @CommandHandler
    void handle(ResendInvitation command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        command.assertInputValid();
        onlySecretaries(actor);
        invitations.unused(command.invitationId(), "resend");
        Instant now = clock.instant();
        apply(new InvitationResent(cooperativeId, command.invitationId(), command.tokenHash(), now.plus(command.validFor()),
                new AccountId(actor), now));
    }

    @CommandHandler
    void handle(RevokeInvitation command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        onlySecretaries(actor);
        invitations.unused(command.invitationId(), "revoke");
        apply(new InvitationRevoked(cooperativeId, command.invitationId(), new AccountId(actor), clock.instant()));
    }

    @CommandHandler
    void handle(AcceptInvitation command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        command.assertInputValid();
        Instant now = clock.instant();
        InvitationBook.Entry invitation = invitations.usable(command.invitationId(), command.tokenHash(), now);
        anAccountAppliesOnlyForItself(command.accountId(), actor);
        auditorsAreReadOnly(actor);
        classIsInTheCharter(invitation.classId());
        oneLiveMembershipPerAccount(command.accountId());
        membershipIdIsNew(command.memberId());
        apply(new InvitationAccepted(cooperativeId, command.invitationId(), command.accountId(), command.memberId(), now));
        apply(new MembershipApplied(cooperativeId, command.memberId(), command.accountId(), invitation.classId(), now));
        if (charter().admission() == AdmissionPolicy.SECRETARY) {
            // the secretary's invitation is the admission; under VOTE only an accepted ADMISSION proposal admits
            apply(new MemberAdmitted(cooperativeId, command.memberId(), command.accountId(), invitation.classId(), now));
        }
    }

    // ---- rules, each named ----------------------------------------------------------------------------------

    private void onlySecretaries(String actor) {
        if (!holds(actor, Role.SECRETARY)) {
            throw new NotAllowed("membership.secretary-only", "only a secretary of this cooperative may do this");
        }
    }

    private void auditorsAreReadOnly(String actor) {
        if (holds(actor, Role.AUDITOR) && !holds(actor, Role.SECRETARY)) {
            throw new NotAllowed("membership.auditor-read-only", "auditors are read-only in the cooperative they audit");
        }
    }

    private static void anAccountAppliesOnlyForItself(AccountId applicant, String actor) {
        if (applicant == null || !applicant.value().equals(actor)) {
            throw new NotAllowed("membership.apply-for-yourself", "an account applies only for itself");
        }
    }

    private void classIsInTheCharter(String classId) {
        if (!charter().hasClass(classId)) {
            throw new InvalidInput("classId", "membership.class-unknown", "the charter has no class '" + classId + "'");
        }
    }

    private void oneLiveMembershipPerAccount(AccountId account) {
        seats.currentSeats().values().stream()
                .filter(seat -> seat.accountId().equals(account) && LIVE.contains(seat.status()))
                .findFirst()
                .ifPresent(seat -> {
                    throw new StateConflict("membership.already-member",
                            "this account already has a membership here (" + seat.status() + ")");
                });
    }

    private void membershipIdIsNew(MemberId memberId) {
        if (seats.knows(memberId)) {
            throw new StateConflict("membership.id-taken", "the membership id " + memberId + " is taken");
        }
    }

    private void secretariesAdmitOnlyUnderTheSecretaryPolicy() {
        if (charter().admission() != AdmissionPolicy.SECRETARY) {
            throw new StateConflict("membership.admission-by-vote",
                    "this charter admits members only by an accepted ADMISSION proposal");
        }
    }

    private void onlyTheMemberThemselvesWithdraws(Seat seat, String actor) {
        if (!seat.accountId().value().equals(actor)) {
            throw new NotAllowed("membership.not-yours", "only the member themselves may withdraw a membership");
        }
    }

    private void neverWithoutASecretary() {
        long secretaries = roles.values().stream().filter(r -> r.contains(Role.SECRETARY)).count();
        if (secretaries <= 1) {
            throw new StateConflict("roles.last-secretary", "a cooperative always keeps at least one secretary");
        }
    }

    private static Set<Role> onlySecretaryAndAuditorAreAssigned(Set<Role> wanted) {
        if (wanted == null || wanted.stream().anyMatch(r -> r == null || !ASSIGNABLE.contains(r))) {
            throw new InvalidInput("roles", "roles.not-assignable", "roles are a list of SECRETARY and AUDITOR");
        }
        return wanted.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(wanted);
    }

    private Seat seatOf(MemberId memberId) {
        Seat seat = memberId == null ? null : seats.current(memberId);
        if (seat == null) {
            throw new StateConflict("membership.unknown-member", "no member " + memberId + " in this cooperative");
        }
        return seat;
    }

    private Seat statusIs(MemberId memberId, String action, MemberStatus... allowed) {
        Seat seat = seatOf(memberId);
        if (Arrays.stream(allowed).noneMatch(s -> s == seat.status())) {
            throw new StateConflict("membership.wrong-status", "cannot " + action + " member " + memberId
                    + ": the membership is " + seat.status() + ", this needs " + Arrays.toString(allowed));
        }
        return seat;
    }

    private boolean holds(String actor, Role role) {
        return actor != null && roles.getOrDefault(new AccountId(actor), Set.of()).contains(role);
    }

    // ---- state changes ---------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(VoteDelegated event) {
        delegationsInThisStream.record(new DelegationTimeline.Change(event.delegatedAt(), event.memberId(), event.scope(), event.delegateId()));
    }

    @EventSourcingHandler
    void on(DelegationRevoked event) {
        delegationsInThisStream.record(new DelegationTimeline.Change(event.revokedAt(), event.memberId(), event.scope(), null));
    }

    @EventSourcingHandler
    void on(CooperativeFounded event) {
        this.cooperativeId = event.cooperativeId();
        charters.adopted(event.foundedAt(), event.charter());
        event.founders().forEach(f -> seats.seat(f.memberId(), new Seat(f.accountId(), f.classId(), MemberStatus.ACTIVE), event.foundedAt()));
        roles.computeIfAbsent(event.secretaryAccountId(), a -> EnumSet.noneOf(Role.class)).add(Role.SECRETARY);
    }

    @EventSourcingHandler
    void on(MembershipApplied event) {
        seats.seat(event.memberId(), new Seat(event.accountId(), event.classId(), MemberStatus.APPLIED), event.appliedAt());
    }

    @EventSourcingHandler
    void on(MemberAdmitted event) {
        seats.reseat(event.memberId(), event.admittedAt(), seat -> seat.withStatus(MemberStatus.ACTIVE));
    }

    @EventSourcingHandler
    void on(ApplicationRejected event) {
        seats.reseat(event.memberId(), event.rejectedAt(), seat -> seat.withStatus(MemberStatus.REJECTED));
    }

    @EventSourcingHandler
    void on(MemberSuspended event) {
        seats.reseat(event.memberId(), event.suspendedAt(), seat -> seat.withStatus(MemberStatus.SUSPENDED));
    }

    @EventSourcingHandler
    void on(MemberReinstated event) {
        seats.reseat(event.memberId(), event.reinstatedAt(), seat -> seat.withStatus(MemberStatus.ACTIVE));
    }

    @EventSourcingHandler
    void on(MembershipWithdrawn event) {
        seats.reseat(event.memberId(), event.withdrawnAt(), seat -> seat.withStatus(MemberStatus.WITHDRAWN));
    }

    @EventSourcingHandler
    void on(MemberClassChanged event) {
        seats.reseat(event.memberId(), event.changedAt(), seat -> new Seat(seat.accountId(), event.toClassId(), seat.status()));
    }

    @EventSourcingHandler
    void on(CharterAmended event) {
        charters.adopted(event.amendedAt(), event.charter());
        decisionsApplied.add(event.proposalId());
    }

    @EventSourcingHandler
    void on(MemberAdmittedByDecision event) {
        seats.reseat(event.memberId(), event.admittedAt(), seat -> seat.withStatus(MemberStatus.ACTIVE));
        decisionsApplied.add(event.proposalId());
    }

    @EventSourcingHandler
    void on(MemberExpelled event) {
        seats.reseat(event.memberId(), event.expelledAt(), seat -> seat.withStatus(MemberStatus.EXPELLED));
        decisionsApplied.add(event.proposalId());
    }

    @EventSourcingHandler
    void on(DecisionNotApplicable event) {
        decisionsApplied.add(event.proposalId());
    }

    @EventSourcingHandler
    void on(RoleGranted event) {
        roles.computeIfAbsent(event.accountId(), a -> EnumSet.noneOf(Role.class)).add(event.role());
    }

    @EventSourcingHandler
    void on(RoleRevoked event) {
        roles.computeIfPresent(event.accountId(), (a, held) -> {
            held.remove(event.role());
            return held.isEmpty() ? null : held;
        });
    }

    @EventSourcingHandler
    void on(MemberInvited event) {
        invitations.invited(event.invitationId(), event.email(), event.classId(), event.tokenHash(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(InvitationResent event) {
        invitations.resent(event.invitationId(), event.tokenHash(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(InvitationRevoked event) {
        invitations.revoked(event.invitationId());
    }

    @EventSourcingHandler
    void on(InvitationAccepted event) {
        invitations.accepted(event.invitationId());
    }

    /** The charter in force now: the latest one. */
    private Charter charter() {
        return charters.inForce();
    }

    /** Facts of a cooperative without a delegation register (none has recorded anything yet). */
    CooperativeFacts facts() {
        return facts(List::of);
    }

    /** @param registered the changes the cooperative's delegation register recorded, read only if delegations are asked for */
    CooperativeFacts facts(Supplier<List<DelegationTimeline.Change>> registered) {
        return new Facts(registered);
    }

    /** Read-only answers for other features' command handlers, from this aggregate's state. */
    private final class Facts implements CooperativeFacts {

        private final Supplier<List<DelegationTimeline.Change>> registered;

        Facts(Supplier<List<DelegationTimeline.Change>> registered) {
            this.registered = registered;
        }

        @Override
        public CooperativeId cooperativeId() {
            return cooperativeId;
        }

        @Override
        public Charter charterAsOf(Instant instant) {
            return charters.asOf(instant);
        }

        @Override
        public java.util.Optional<MemberId> activeMembershipOf(AccountId accountId) {
            return seats.activeMembershipOf(accountId);
        }

        @Override
        public Charter charterInForce() {
            return charter();
        }

        @Override
        public java.util.Optional<AccountId> accountOf(MemberId memberId) {
            return java.util.Optional.ofNullable(memberId == null ? null : seats.current(memberId)).map(Seat::accountId);
        }

        @Override
        public Delegations delegationsAsOf(Instant instant) {
            return DelegationStreams.asOf(delegationsInThisStream.changes(), registered.get(), instant);
        }

        @Override
        public List<DelegationTimeline.Change> delegationsInTheCooperativeStream() {
            return delegationsInThisStream.changes();
        }

        @Override
        public boolean isSecretary(AccountId accountId) {
            return roles.getOrDefault(accountId, Set.of()).contains(Role.SECRETARY);
        }

        @Override
        public java.util.Optional<MemberStatus> statusOf(MemberId memberId) {
            return java.util.Optional.ofNullable(seats.current(memberId)).map(Seat::status);
        }

        @Override
        public List<Elector> electorateAsOf(Instant instant) {
            return seats.electorateAsOf(instant);
        }
    }
}
