package coop.plenum.governance.membership;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;

import java.time.Instant;

/** A fact: an applicant became an ACTIVE member in the class they applied for. */
public record MemberAdmitted(CooperativeId cooperativeId, MemberId memberId, AccountId accountId, String classId,
                             Instant admittedAt) {
}
