package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.ids.MemberId;

import java.time.Instant;

/**
 * A fact: a member commented on a proposal. {@code replyTo} names the earlier comment on the same proposal it
 * answers; events from before replies existed have none and read, unchanged, as top-level comments.
 */
public record CommentAdded(ProposalId proposalId, String commentId, MemberId memberId, String text, Instant commentedAt,
                           String replyTo) {

    /** A top-level comment. */
    public CommentAdded(ProposalId proposalId, String commentId, MemberId memberId, String text, Instant commentedAt) {
        this(proposalId, commentId, memberId, text, commentedAt, null);
    }

    /** Whether this comment answers another one. */
    public boolean isReply() {
        return replyTo != null;
    }
}
