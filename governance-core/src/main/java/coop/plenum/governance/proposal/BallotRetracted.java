package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.ids.MemberId;

import java.time.Instant;

/** A fact: a member took their ballot back. */
public record BallotRetracted(ProposalId proposalId, MemberId memberId, Instant retractedAt) {
}
