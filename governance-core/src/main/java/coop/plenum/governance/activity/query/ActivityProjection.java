package coop.plenum.governance.activity.query;

import coop.plenum.governance.storage.SettledDocuments;
import coop.plenum.governance.activity.ActivityEntry;
import coop.plenum.governance.activity.ActivityKind;
import coop.plenum.governance.activity.ActivityPage;
import coop.plenum.governance.activity.FindActivity;
import coop.plenum.governance.cooperative.CharterAmended;
import coop.plenum.governance.delegation.DelegationRevoked;
import coop.plenum.governance.delegation.VoteDelegated;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.membership.MemberAdmitted;
import coop.plenum.governance.membership.MemberAdmittedByDecision;
import coop.plenum.governance.membership.MemberExpelled;
import coop.plenum.governance.membership.MembershipWithdrawn;
import coop.plenum.governance.axon.ReadModelLayout;
import coop.plenum.governance.axon.ReadModelWrites;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.ProposalRevised;
import coop.plenum.governance.proposal.ProposalSubmitted;
import coop.plenum.governance.proposal.ProposalWithdrawn;
import coop.plenum.governance.proposal.SecretBallotCast;
import coop.plenum.governance.proposal.SecretBallotRetracted;
import coop.plenum.governance.proposal.Visibility;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.ledger.ContributionAccepted;
import coop.plenum.ledger.ContributionEvaluated;
import coop.plenum.ledger.ContributionLogged;
import coop.plenum.ledger.ContributionRejected;
import coop.plenum.ledger.LedgerId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A cooperative's activity timeline: one entry per event a member would tell another ("Bob submitted …", "Carol
 * joined", "Dan delegated to Alice for energy"), keyed by the event's identifier (a ballot's by its vote and member), so
 * a replay or a redelivered event writes the same entry again (deterministic: every field comes from the event and the proposal's earlier events).
 * What members may not see is never written: a ballot's content never, a ballot of a vote whose ballots are hidden
 * until it closes ({@link Visibility#AFTER_CLOSE}) not at all; of a secret ballot only that its member took part.
 * <p>
 * It runs in the notifications' processing group: both fold several aggregates' events in log order (one segment) and
 * both handle every ballot, so one processor reads the events once and stores one token per batch for the two. Joining
 * it raised that group's layout (ReadModelLayouts adds the projections' changes), which rebuilt both from the log once;
 * a rebuild replays, so no notification is sent twice.
 */
@Component
@ProcessingGroup(ActivityProjection.GROUP)
// 2: secret ballots are told as taking part (rebuilt once, so votes already held get their entries);
// 3: a retracted open ballot's entry goes too (rebuilt once, so timelines drop the "voted" of ballots taken back)
@ReadModelLayout(3)
class ActivityProjection {

    /** NotificationProjection's group (its own, {@code readmodel-activity}, until then: ReadModelLayouts.RETIRED). */
    static final String GROUP = "readmodel-notifications";

    private final ReactiveMongoTemplate mongo;
    private final ReadModelWrites writes;
    private final SettledDocuments<String, ActivityProposalDocument> openProposals = new SettledDocuments<>(256);

    ActivityProjection(ReactiveMongoTemplate mongo, ReadModelWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
        // ballots are the bulk of a vote's events and the ballot path waits for this read model: their entries go to
        // MongoDB in one bulk per batch (the proposal documents they read are written at once, by other events)
        writes.batch(this, GROUP, BallotCast.class, SecretBallotCast.class);
    }

    /** Who logged a contribution, for its evaluations (ContributionEvaluated names only the evaluator). */
    @Document("activity_contributions")
    record ContributionAuthor(@Id String id, String contributorId) {
    }

    @ResetHandler
    void dropBeforeReplay() {
        openProposals.clear();
        mongo.dropCollection(ActivityEntryDocument.class).block();
        mongo.dropCollection(ActivityProposalDocument.class).block();
        mongo.dropCollection(ContributionAuthor.class).block();
    }

    // ---- proposals ---------------------------------------------------------------------------------------------

    @EventHandler
    void on(ProposalSubmitted e, EventMessage<?> event) {
        mongo.upsert(Query.query(where("_id").is(e.proposalId().value())), new Update()
                        .setOnInsert("cooperativeId", e.cooperativeId().value())
                        .setOnInsert("authorMemberId", e.authorMemberId().value())
                        .setOnInsert("title", e.title()), ActivityProposalDocument.class).block();
        entry(event, e.cooperativeId().value(), e.submittedAt(), ActivityKind.PROPOSAL_SUBMITTED, e.authorMemberId().value(), null,
                e.proposalId().value(), e.title(), null);
    }

    @EventHandler
    void on(ProposalRevised e) {
        mongo.updateFirst(Query.query(where("_id").is(e.proposalId().value())), Update.update("title", e.title()),
                ActivityProposalDocument.class).block();
    }

    @EventHandler
    void on(ProposalWithdrawn e, EventMessage<?> event) {
        ActivityProposalDocument p = proposal(e.proposalId());
        if (p != null) {
            entry(event, p.cooperativeId(), e.withdrawnAt(), ActivityKind.PROPOSAL_WITHDRAWN, p.authorMemberId(), null, p.id(), p.title(), null);
        }
    }

    @EventHandler
    void on(VotingOpened e, EventMessage<?> event) {
        mongo.updateFirst(Query.query(where("_id").is(e.proposalId().value())),
                Update.update("visibility", Visibility.orDefault(e.visibility())), ActivityProposalDocument.class).block();
        ActivityProposalDocument p = proposal(e.proposalId());
        entry(event, e.cooperativeId().value(), e.openedAt(), ActivityKind.VOTING_OPENED, null, null, e.proposalId().value(),
                p == null ? null : p.title(), null);
    }

    @EventHandler
    void on(VotingClosed e, EventMessage<?> event) {
        openProposals.forget(e.proposalId().value());
        ActivityProposalDocument p = proposal(e.proposalId());
        if (p != null) {
            entry(event, p.cooperativeId(), e.closedAt(), ActivityKind.VOTING_CLOSED, null, null, p.id(), p.title(),
                    e.outcome() == null ? null : e.outcome().name());
        }
    }

    /**
     * Who voted, never how; and for a vote whose ballots are hidden until it closes, not even that. One entry per
     * member and vote, at their latest ballot: a recast changes nothing anyone may see here but the time.
     */
    @EventHandler
    void on(BallotCast e) {
        tookPart(e.proposalId(), e.memberId(), e.castAt(), ActivityKind.BALLOT_CAST);
    }

    /**
     * SPEC "secrecy: SECRET": who took part is public, so the timeline tells it as it tells an open ballot (one entry
     * per member and vote, at their latest ballot, the time the event already makes public); the sealed ballot is
     * never read or stored here.
     */
    @EventHandler
    void on(SecretBallotCast e) {
        tookPart(e.proposalId(), e.memberId(), e.castAt(), ActivityKind.SECRET_BALLOT_CAST);
    }

    /**
     * A member who takes their secret ballot back no longer takes part (the count leaves them out, the proposal's
     * participants drop them), so their entry goes rather than saying they took part; voting again brings it back.
     * No entry tells the retraction itself: it says nothing a member needs, and the entry's absence is the truth.
     * Not a batched event: the ballots queued before it are written first, so a cast then a retraction in one batch
     * leaves no entry.
     */
    @EventHandler
    void on(SecretBallotRetracted e) {
        notTakingPart(e.proposalId(), e.memberId());
    }

    /** The same for an open ballot taken back: the timeline never says "voted" of a member without a ballot standing. */
    @EventHandler
    void on(coop.plenum.governance.proposal.BallotRetracted e) {
        notTakingPart(e.proposalId(), e.memberId());
    }

    private void notTakingPart(ProposalId proposalId, MemberId memberId) {
        mongo.remove(Query.query(where("_id").is(ballotKey(proposalId.value(), memberId.value()))),
                ActivityEntryDocument.class).block();
    }

    private void tookPart(ProposalId proposalId, MemberId memberId, Instant at, ActivityKind kind) {
        // a proposal's title and visibility are fixed once its vote is open, and a ballot comes after the opening
        ActivityProposalDocument p = openProposals.get(proposalId.value(),
                id -> mongo.findById(id, ActivityProposalDocument.class).block(), d -> true);
        if (p != null && p.cooperativeId() != null && Visibility.orDefault(p.visibility()) == Visibility.PUBLIC) {
            writes.upsert(ActivityEntryDocument.class, Query.query(where("_id").is(ballotKey(p.id(), memberId.value()))),
                    new Update().set("at", at).setOnInsert("cooperativeId", p.cooperativeId())
                            .setOnInsert("kind", kind.name()).setOnInsert("actor", memberId.value())
                            .setOnInsert("subject", null).setOnInsert("proposalId", p.id()).setOnInsert("title", p.title())
                            .setOnInsert("detail", null));
        }
    }

    /** A member's one entry for their ballot in a vote (a vote is open or secret throughout, so one kind per key). */
    private static String ballotKey(String proposalId, String memberId) {
        return "ballot|" + proposalId + "|" + memberId;
    }

    @EventHandler
    void on(CharterAmended e, EventMessage<?> event) {
        ActivityProposalDocument p = e.proposalId() == null ? null : proposal(e.proposalId());
        entry(event, e.cooperativeId().value(), e.amendedAt(), ActivityKind.CHARTER_AMENDED, null, null,
                e.proposalId() == null ? null : e.proposalId().value(), p == null ? null : p.title(), null);
    }

    // ---- membership and delegation -----------------------------------------------------------------------------

    @EventHandler
    void on(MemberAdmitted e, EventMessage<?> event) {
        entry(event, e.cooperativeId().value(), e.admittedAt(), ActivityKind.MEMBER_ADMITTED, null, e.memberId().value(), null, null,
                e.classId());
    }

    @EventHandler
    void on(MemberAdmittedByDecision e, EventMessage<?> event) {
        ActivityProposalDocument p = e.proposalId() == null ? null : proposal(e.proposalId());
        entry(event, e.cooperativeId().value(), e.admittedAt(), ActivityKind.MEMBER_ADMITTED, null, e.memberId().value(),
                e.proposalId() == null ? null : e.proposalId().value(), p == null ? null : p.title(), e.classId());
    }

    @EventHandler
    void on(MembershipWithdrawn e, EventMessage<?> event) {
        entry(event, e.cooperativeId().value(), e.withdrawnAt(), ActivityKind.MEMBERSHIP_WITHDRAWN, e.memberId().value(), null,
                null, null, null);
    }

    @EventHandler
    void on(MemberExpelled e, EventMessage<?> event) {
        ActivityProposalDocument p = e.proposalId() == null ? null : proposal(e.proposalId());
        entry(event, e.cooperativeId().value(), e.expelledAt(), ActivityKind.MEMBER_EXPELLED, null, e.memberId().value(),
                e.proposalId() == null ? null : e.proposalId().value(), p == null ? null : p.title(), null);
    }

    @EventHandler
    void on(VoteDelegated e, EventMessage<?> event) {
        entry(event, e.cooperativeId().value(), e.delegatedAt(), ActivityKind.DELEGATION_SET, e.memberId().value(),
                e.delegateId().value(), null, null, e.scope());
    }

    @EventHandler
    void on(DelegationRevoked e, EventMessage<?> event) {
        entry(event, e.cooperativeId().value(), e.revokedAt(), ActivityKind.DELEGATION_REVOKED, e.memberId().value(),
                e.delegateId() == null ? null : e.delegateId().value(), null, null, e.scope());
    }

    // ---- the ledger (a cooperative's ledger is named after it: LedgerId.ofCooperative) ---------------------------

    @EventHandler
    void on(ContributionLogged e, EventMessage<?> event) {
        mongo.upsert(Query.query(where("_id").is(e.contributionId().value())),
                new Update().setOnInsert("contributorId", e.contributorId().value()), ContributionAuthor.class).block();
        entry(event, cooperativeOf(e.ledgerId()), e.loggedAt(), ActivityKind.CONTRIBUTION_LOGGED, e.contributorId().value(), null,
                null, null, e.project());
    }

    @EventHandler
    void on(ContributionEvaluated e, EventMessage<?> event) {
        ContributionAuthor author = mongo.findById(e.contributionId().value(), ContributionAuthor.class).block();
        entry(event, cooperativeOf(e.ledgerId()), e.evaluatedAt(), ActivityKind.CONTRIBUTION_EVALUATED, e.evaluatorId().value(),
                author == null ? null : author.contributorId(), null, null, e.verdict() == null ? null : e.verdict().name());
    }

    @EventHandler
    void on(ContributionAccepted e, EventMessage<?> event) {
        entry(event, cooperativeOf(e.ledgerId()), e.acceptedAt(), ActivityKind.CONTRIBUTION_ACCEPTED, null, e.contributorId().value(),
                null, null, e.project());
    }

    @EventHandler
    void on(ContributionRejected e, EventMessage<?> event) {
        entry(event, cooperativeOf(e.ledgerId()), e.rejectedAt(), ActivityKind.CONTRIBUTION_REJECTED, null, e.contributorId().value(),
                null, null, null);
    }

    /** The cooperative a ledger belongs to; null for a ledger not named after one (none is, today). */
    static String cooperativeOf(LedgerId ledger) {
        return ledger.cooperativeId();
    }

    private ActivityProposalDocument proposal(ProposalId id) {
        return mongo.findById(id.value(), ActivityProposalDocument.class).block();
    }

    /** One entry, insert-only by the event's id: writing it again changes nothing. */
    private void entry(EventMessage<?> event, String cooperativeId, Instant at, ActivityKind kind, String actor, String subject,
                       String proposalId, String title, String detail) {
        if (cooperativeId == null) {
            return;
        }
        mongo.upsert(Query.query(where("_id").is(event.getIdentifier())), new Update()
                        .setOnInsert("cooperativeId", cooperativeId).setOnInsert("at", at).setOnInsert("kind", kind.name())
                        .setOnInsert("actor", actor).setOnInsert("subject", subject).setOnInsert("proposalId", proposalId)
                        .setOnInsert("title", title).setOnInsert("detail", detail),
                ActivityEntryDocument.class).block();
    }

    // ---- the query ---------------------------------------------------------------------------------------------

    /** A page through the index on the cooperative; one more entry than the page is read to know if an older page follows. */
    @QueryHandler
    CompletableFuture<ActivityPage> handle(FindActivity query) {
        Query q = Query.query(where("cooperativeId").is(query.cooperativeId().value()))
                .with(Sort.by(Sort.Order.desc("at"), Sort.Order.asc("_id")))
                .skip((long) query.page() * query.size()).limit(query.size() + 1);
        return mongo.find(q, ActivityEntryDocument.class)
                .map(ActivityProjection::entry)
                .collectList()
                .map(found -> new ActivityPage(found.stream().limit(query.size()).toList(), query.page(), found.size() > query.size()))
                .toFuture();
    }

    private static ActivityEntry entry(ActivityEntryDocument d) {
        return new ActivityEntry(d.id(), d.at(), ActivityKind.valueOf(d.kind()), member(d.actor()), member(d.subject()),
                d.proposalId() == null ? null : new ProposalId(d.proposalId()), d.title(), d.detail());
    }

    private static MemberId member(String id) {
        return id == null ? null : new MemberId(id);
    }
}
