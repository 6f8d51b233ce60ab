package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import java.time.Instant;

/** A fact: the author withdrew the proposal before any vote. */
public record ProposalWithdrawn(ProposalId proposalId, Instant withdrawnAt) {
}
