package coop.plenum.governance.delegation;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;

import java.time.Instant;

/**
 * A fact: from {@code delegatedAt}, {@code memberId}'s vote goes to {@code delegateId} for proposals of topic
 * {@code scope} ({@code _global}: every topic without its own delegation), replacing {@code previousDelegateId} if any.
 */
public record VoteDelegated(CooperativeId cooperativeId, MemberId memberId, String scope, MemberId delegateId,
                            MemberId previousDelegateId, Instant delegatedAt) {
}
