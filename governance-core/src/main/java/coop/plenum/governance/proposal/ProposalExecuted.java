package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import java.time.Instant;

/** A fact: the effect of this ACCEPTED proposal was applied to the cooperative; the proposal is EXECUTED. */
public record ProposalExecuted(ProposalId proposalId, Instant executedAt) {
}
