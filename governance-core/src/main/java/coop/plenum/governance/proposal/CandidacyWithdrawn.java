package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;

import java.time.Instant;

/** A fact: the nominated member withdrew (whether or not they had accepted); they may be nominated again. */
public record CandidacyWithdrawn(ProposalId proposalId, MemberId candidateMemberId, Instant withdrawnAt) {
}
