package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;

import java.time.Instant;

/**
 * A fact: during deliberation of an ELECTION, {@code nominatedBy} nominated {@code candidateMemberId} to stand for
 * {@code classId}, the candidate's class then. A self-nomination is followed at once by {@link CandidacyAccepted}.
 */
public record CandidateNominated(ProposalId proposalId, MemberId candidateMemberId, String classId, MemberId nominatedBy,
                                 Instant nominatedAt) {
}
