package coop.plenum.governance.membership.query;

import coop.plenum.governance.membership.MemberStatus;

import java.time.Instant;

/**
 * One step in a membership's history: what happened, the status and class after it, when, and who did it
 * ({@code by} is the acting account id, {@code byName} its display name when known).
 */
public record MembershipChange(long sequence, String change, MemberStatus status, String classId, Instant at, String by,
                               String byName) {
}
