package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.voting.Provenance;

import java.time.Instant;

/**
 * A member's provenance on a proposal as of an instant; {@code decided}: the vote had closed by then.
 * {@code hidden}: the proposal's results are hidden now (AFTER_CLOSE, voting open), so whoever shows this shows only a
 * member's own DIRECT ballot to that member, and nothing of anyone else's.
 */
public record ProvenanceView(ProposalId proposalId, Instant asOf, boolean decided, Provenance<?> provenance, boolean hidden) {
}
