package coop.plenum.governance.membership;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.ProposalId;

import java.time.Instant;

/** A fact: an accepted ADMISSION proposal made this applicant an ACTIVE member in the class they applied for. */
public record MemberAdmittedByDecision(CooperativeId cooperativeId, MemberId memberId, AccountId accountId, String classId,
                                       ProposalId proposalId, Instant admittedAt) {
}
