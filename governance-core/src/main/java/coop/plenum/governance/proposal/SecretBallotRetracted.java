package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;

import java.time.Instant;

/** A fact: a member took their secret ballot back; they no longer take part unless they vote again. */
public record SecretBallotRetracted(ProposalId proposalId, MemberId memberId, Instant retractedAt) {
}
