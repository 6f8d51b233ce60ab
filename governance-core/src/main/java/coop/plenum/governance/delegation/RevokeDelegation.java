package coop.plenum.governance.delegation;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;

/** A member takes back a delegation (always allowed; revoking none records nothing). */
public record RevokeDelegation(CooperativeId cooperativeId, MemberId memberId, String scope) {
}
