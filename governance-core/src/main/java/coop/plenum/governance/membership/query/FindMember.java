package coop.plenum.governance.membership.query;

import coop.plenum.governance.cooperative.CooperativeId;
import coop.plenum.governance.membership.MemberId;

/** Query: one membership of a cooperative, with its history, or nothing. */
public record FindMember(CooperativeId cooperativeId, MemberId memberId) {
}
