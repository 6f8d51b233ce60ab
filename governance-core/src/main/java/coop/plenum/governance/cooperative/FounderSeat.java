package coop.plenum.governance.cooperative;

import coop.plenum.governance.account.AccountId;

/** A founder as named in {@link FoundCooperative}: an account and the stakeholder class it joins. */
public record FounderSeat(AccountId accountId, String classId) {
}
