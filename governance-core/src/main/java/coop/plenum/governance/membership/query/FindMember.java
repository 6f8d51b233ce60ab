package coop.plenum.governance.membership.query;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;

/** Query: one membership of a cooperative, with its history, or nothing. */
public record FindMember(CooperativeId cooperativeId, MemberId memberId) {
}
