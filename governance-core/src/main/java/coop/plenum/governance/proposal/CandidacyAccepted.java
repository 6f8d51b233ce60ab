package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;

import java.time.Instant;

/** A fact: the nominated member accepted to stand for {@code classId}; they stand when voting opens. */
public record CandidacyAccepted(ProposalId proposalId, MemberId candidateMemberId, String classId, Instant acceptedAt) {
}
