package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import java.time.Instant;

/** A fact: the author published a new revision of title and body. */
public record ProposalRevised(ProposalId proposalId, int revision, String title, String body, Instant revisedAt) {
}
