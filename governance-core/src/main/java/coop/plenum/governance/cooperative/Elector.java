package coop.plenum.governance.cooperative;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.MemberId;

/** A member who was ACTIVE at some instant, with the class they were in then. */
public record Elector(MemberId memberId, AccountId accountId, String classId) {
}
