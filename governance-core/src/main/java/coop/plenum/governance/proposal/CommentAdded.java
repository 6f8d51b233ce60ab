package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.ids.MemberId;

import java.time.Instant;

/** A fact: a member commented on a proposal. */
public record CommentAdded(ProposalId proposalId, String commentId, MemberId memberId, String text, Instant commentedAt) {
}
