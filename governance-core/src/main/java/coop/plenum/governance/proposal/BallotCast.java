package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.tally.Choice;

import java.time.Instant;

/** A fact: a member of the electorate voted (replacing any earlier ballot of theirs). */
public record BallotCast(ProposalId proposalId, MemberId memberId, Choice choice, Instant castAt) {
}
