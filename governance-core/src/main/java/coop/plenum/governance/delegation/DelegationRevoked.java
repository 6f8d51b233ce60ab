package coop.plenum.governance.delegation;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;

import java.time.Instant;

/** A fact: from {@code revokedAt}, {@code memberId} no longer delegates to {@code delegateId} for {@code scope}. */
public record DelegationRevoked(CooperativeId cooperativeId, MemberId memberId, String scope, MemberId delegateId,
                                Instant revokedAt) {
}
