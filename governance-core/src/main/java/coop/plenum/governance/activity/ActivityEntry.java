package coop.plenum.governance.activity;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;

import java.time.Instant;

/**
 * One thing that happened in a cooperative: when, what, who did it ({@code actor}, null when the event names nobody,
 * such as a vote opening on schedule), whom it concerned ({@code subject}: an admitted member, a delegate, the author
 * of an evaluated contribution), the proposal it concerned and its title then, and a short {@code detail} (an
 * outcome, a delegation's topic, a verdict, a contribution's project). Never a ballot's content.
 */
public record ActivityEntry(String id, Instant at, ActivityKind kind, MemberId actor, MemberId subject,
                            ProposalId proposalId, String title, String detail) {
}
