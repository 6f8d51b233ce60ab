package coop.plenum.governance.notification;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.MemberId;

/** A member of a vote's electorate a reminder reached: who, their login, their class. */
public record NotifiedElector(MemberId memberId, AccountId accountId, String classId) {
}
