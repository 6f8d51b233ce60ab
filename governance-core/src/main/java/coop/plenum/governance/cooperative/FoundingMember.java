package coop.plenum.governance.cooperative;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.MemberId;

/** A founder as recorded in {@link CooperativeFounded}: ACTIVE from the founding instant, with its member id. */
public record FoundingMember(MemberId memberId, AccountId accountId, String classId) {
}
