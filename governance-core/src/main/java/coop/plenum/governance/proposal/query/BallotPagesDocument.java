package coop.plenum.governance.proposal.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** Which {@link BallotPageDocument pages} a proposal has, keyed by the proposal: a few numbers, cheap to rewrite. */
@Document("proposal_ballot_page_lists")
record BallotPagesDocument(@Id String id, List<Long> pages) {
}
