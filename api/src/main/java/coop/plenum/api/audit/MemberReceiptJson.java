package coop.plenum.api.audit;

import java.time.Instant;

/**
 * One ballot event of the member, as "my receipts" lists it: the proposal, the choice ({@code null} for a
 * retraction), when, whether it is the ballot that counts (the member's last on that proposal and not a
 * retraction), the event's log position and hash, the proof's status and address, and, until it is signed, by when
 * it can be fetched.
 */
public record MemberReceiptJson(String proposalId, String kind, String choice, Instant at, boolean counts, long sequenceNumber,
                                Long position, String eventHash, String proofStatus, String proofUrl,
                                Instant proofAvailableBy) {
}
