package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.MemberId;

/** A member standing in a board election (ELECTION) for the stakeholder class they belong to. */
public record ElectionCandidate(MemberId memberId, String classId) {
}
