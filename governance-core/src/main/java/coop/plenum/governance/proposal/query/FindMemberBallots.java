package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.MemberId;

/** Every ballot event of one member (casts, recasts, retractions), newest first; answered as {@link MemberBallotView}s. */
public record FindMemberBallots(MemberId memberId) {
}
