package coop.plenum.governance.delegation.query;

import coop.plenum.governance.ids.MemberId;

import java.time.Instant;

/** A delegation in force: {@code memberId} gives their vote on {@code scope} (a topic or {@code _global}) to {@code delegateId}. */
public record DelegationView(MemberId memberId, String scope, MemberId delegateId, Instant since) {
}
