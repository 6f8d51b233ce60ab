package coop.plenum.api.audit;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.audit.chain.EventReceipts;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.query.AccessView;
import coop.plenum.governance.membership.query.FindAccess;
import coop.plenum.governance.proposal.query.FindMemberBallots;
import coop.plenum.governance.proposal.query.MemberBallotView;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotAllowed;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * "My receipts": a member's ballot events (from the member-ballots read model: which ballot counts) with each
 * event's position, hash and proof status read from the log and the audit chain, one page at a time. Only the
 * member themselves may list them.
 */
@Component
public class MemberReceipts {

    private final CooperativeAccess access;
    private final Queries queries;
    private final EventReceipts events;

    MemberReceipts(CooperativeAccess access, Queries queries, EventReceipts events) {
        this.access = access;
        this.queries = queries;
        this.events = events;
    }

    /** The caller's own membership, if it is {@code memberId}; 403 for anyone else's, 404 for an unknown cooperative. */
    public Mono<MemberId> requireOwn(String cooperativeId, String memberId, PlenumUser user) {
        return access.existing(cooperativeId).flatMap(coop -> queries.one(new FindAccess(coop.cooperativeId(), user.accountId()), AccessView.class))
                .filter(mine -> mine.memberId() != null && mine.memberId().value().equals(memberId))
                .map(AccessView::memberId)
                .switchIfEmpty(Mono.error(() -> new NotAllowed("receipts.own-only", "only the member themselves may list their receipts")));
    }

    public Mono<MemberReceiptsPage> page(String cooperativeId, MemberId member, int offset, int limit) {
        return queries.many(new FindMemberBallots(member), MemberBallotView.class).flatMap(all -> {
            List<MemberBallotView> shown = all.stream().skip(offset).limit(limit).toList();
            return Mono.fromCallable(() -> events.of(shown.stream()
                            .map(b -> new EventReceipts.EventKey(b.proposalId().value(), b.sequenceNumber())).toList()))
                    .subscribeOn(Schedulers.boundedElastic())
                    .map(found -> new MemberReceiptsPage(cooperativeId, member.value(), offset, limit, all.size(),
                            shown.stream().map(b -> json(b, found)).toList()));
        });
    }

    /**
     * The receipt of the ballot a member just cast ({@code sequenceNumber} as casting answered it), straight from the
     * log, so a page shows it even before the read models have caught up; empty unless the event is a ballot of this
     * proposal that the caller cast.
     */
    public Mono<MemberReceiptJson> justCast(String proposalId, long sequenceNumber, PlenumUser user) {
        return Mono.fromCallable(() -> events.of(new EventReceipts.EventKey(proposalId, sequenceNumber))
                        .filter(e -> e.eventType() != null && e.eventType().endsWith(".BallotCast"))
                        .filter(e -> user.accountId().value().equals(e.actor()))
                        .map(e -> receiptOf(proposalId, sequenceNumber, e)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty);
    }

    private MemberReceiptJson receiptOf(String proposalId, long sequenceNumber, EventReceipts.EventReceipt event) {
        return new MemberReceiptJson(proposalId, "CAST", null, java.time.Instant.parse(event.timestamp()), true, sequenceNumber,
                event.position(), HexFormat.of().formatHex(event.eventHash()), event.status().name(),
                BallotReceiptJson.proofUrl(event.cooperativeId(), event.position()), availableBy(event));
    }

    private java.time.Instant availableBy(EventReceipts.EventReceipt event) {
        return event.status() == EventReceipts.ProofStatus.SIGNED ? null
                : java.time.Instant.parse(event.timestamp()).plus(events.proofWithin());
    }

    /** The member's latest ballot event on one proposal (the one that counts, or the retraction), if any. */
    public Mono<MemberReceiptJson> latestOn(MemberId member, String proposalId) {
        return queries.many(new FindMemberBallots(member), MemberBallotView.class)
                .flatMap(all -> Mono.justOrEmpty(all.stream().filter(b -> b.proposalId().value().equals(proposalId))
                        .max(java.util.Comparator.comparingLong(MemberBallotView::sequenceNumber))))
                .flatMap(latest -> Mono.fromCallable(() -> json(latest, events.of(List.of(
                                new EventReceipts.EventKey(latest.proposalId().value(), latest.sequenceNumber())))))
                        .subscribeOn(Schedulers.boundedElastic()));
    }

    private MemberReceiptJson json(MemberBallotView ballot, Map<EventReceipts.EventKey, EventReceipts.EventReceipt> found) {
        EventReceipts.EventReceipt event = found.get(new EventReceipts.EventKey(ballot.proposalId().value(), ballot.sequenceNumber()));
        if (event == null) {
            // the read model knows a ballot the log does not (only a tampered log does that): listed, with nothing to prove
            return new MemberReceiptJson(ballot.proposalId().value(), kind(ballot), choice(ballot), ballot.at(), ballot.counts(),
                    ballot.sequenceNumber(), null, null, null, null, null);
        }
        return new MemberReceiptJson(ballot.proposalId().value(), kind(ballot), choice(ballot), ballot.at(), ballot.counts(),
                ballot.sequenceNumber(), event.position(), HexFormat.of().formatHex(event.eventHash()), event.status().name(),
                BallotReceiptJson.proofUrl(event.cooperativeId(), event.position()), availableBy(event));
    }

    private static String kind(MemberBallotView ballot) {
        return ballot.retracted() ? "RETRACTED" : "CAST";
    }

    private static String choice(MemberBallotView ballot) {
        return ballot.shown();
    }

    /** {@code offset} from 0, {@code limit} 1 to {@value MemberReceiptsPage#MAX_LIMIT}; a bad one is a 400 naming it. */
    public static int bounded(String value, String field, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, naming the field
        }
        throw new InvalidInput(field, "receipts." + field + "-invalid", field + " is a whole number from " + min + " to " + max);
    }
}
