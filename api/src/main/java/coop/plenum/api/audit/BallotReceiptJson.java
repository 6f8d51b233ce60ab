package coop.plenum.api.audit;

import coop.plenum.governance.audit.chain.EventReceipts;

import java.time.Instant;
import java.util.HexFormat;

/**
 * The receipt a ballot answers with: which event of the log recorded it (position, type, aggregate and sequence)
 * and that event's hash, and where and when its inclusion proof can be fetched. The proof itself comes later: it
 * needs a signed checkpoint, and the ballot does not wait for one.
 */
public record BallotReceiptJson(String cooperativeId, String proposalId, String memberId, Long position, String eventType,
                                String aggregateIdentifier, long sequenceNumber, String eventHash, String recordedAt, Proof proof,
                                @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                                SecretReceipt secretReceipt) {

    public BallotReceiptJson(String cooperativeId, String proposalId, String memberId, Long position, String eventType,
                             String aggregateIdentifier, long sequenceNumber, String eventHash, String recordedAt, Proof proof) {
        this(cooperativeId, proposalId, memberId, position, eventType, aggregateIdentifier, sequenceNumber, eventHash,
                recordedAt, proof, null);
    }

    /**
     * A secret vote's receipt, given ONCE with the cast and never stored by the server: the voter keeps
     * {@code secret}; {@code tag} (SHA-256 of it, see docs/secret-ballots.md) is what the revealed ballots list after
     * close, so the voter can find theirs without telling anyone which it is.
     */
    public record SecretReceipt(String secret, String tag) {
    }

    public BallotReceiptJson withSecretReceipt(SecretReceipt receipt) {
        return new BallotReceiptJson(cooperativeId, proposalId, memberId, position, eventType, aggregateIdentifier,
                sequenceNumber, eventHash, recordedAt, proof, receipt);
    }

    /**
     * Where the receipt with its inclusion proof is ({@code url}, answered with 409 {@code audit.not-yet-signed}
     * until a checkpoint covers the event), whether it can be fetched yet, and by when it can be at the latest
     * while the chainer keeps up.
     */
    public record Proof(String status, String url, Instant availableBy) {
    }

    static BallotReceiptJson of(String proposalId, String memberId, EventReceipts.EventReceipt event, java.time.Duration proofWithin) {
        Instant recorded = Instant.parse(event.timestamp());
        return new BallotReceiptJson(event.cooperativeId(), proposalId, memberId, event.position(), event.eventType(),
                event.aggregateIdentifier(), event.sequenceNumber(), HexFormat.of().formatHex(event.eventHash()), event.timestamp(),
                new Proof(event.status().name(), proofUrl(event.cooperativeId(), event.position()),
                        event.status() == EventReceipts.ProofStatus.SIGNED ? null : recorded.plus(proofWithin)));
    }

    /**
     * On the benchmarks' in-memory event engine nothing is stored or chained: the receipt says which ballot it is and
     * that there is nothing to prove it against ({@code proof.status} {@code NO_AUDIT_LOG}).
     */
    static BallotReceiptJson withoutLog(coop.plenum.governance.proposal.BallotRecorded ballot, String memberId) {
        return new BallotReceiptJson(null, ballot.proposalId().value(), memberId, null,
                (ballot.sealed() ? coop.plenum.governance.proposal.SecretBallotCast.class
                        : coop.plenum.governance.proposal.BallotCast.class).getName(), ballot.proposalId().value(), ballot.sequenceNumber(),
                null, null, new Proof("NO_AUDIT_LOG", null, null));
    }

    public static String proofUrl(String cooperativeId, long position) {
        return "/api/v1/cooperatives/" + cooperativeId + "/audit/receipts/" + position;
    }
}
