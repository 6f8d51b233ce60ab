package coop.plenum.governance.proposal;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.MemberId;

import java.math.BigDecimal;

/** A member of a vote's frozen electorate: ACTIVE when voting opened, with their class and voting power then. */
public record ElectorateMember(MemberId memberId, AccountId accountId, String classId, BigDecimal power) {
}
