package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.voting.Provenance;

import java.time.Instant;

/** A member's provenance on a proposal as of an instant; {@code decided}: the vote had closed by then. */
public record ProvenanceView(ProposalId proposalId, Instant asOf, boolean decided, Provenance<?> provenance) {
}
