package coop.plenum.api.proposal;

import coop.plenum.api.support.Queries;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.query.FindProposalSummary;
import coop.plenum.governance.proposal.query.ProposalSummary;
import coop.plenum.kernel.NotFound;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A proposal as addressed under a cooperative: 404 when it does not exist there (also when it is another cooperative's). */
@Component
public class ProposalsOfCooperative {

    private final Queries queries;

    ProposalsOfCooperative(Queries queries) {
        this.queries = queries;
    }

    public Mono<ProposalSummary> require(String cooperativeId, String proposalId) {
        return queries.one(new FindProposalSummary(new ProposalId(proposalId)), ProposalSummary.class)
                .filter(p -> p.cooperativeId().value().equals(cooperativeId))
                .switchIfEmpty(Mono.error(() -> new NotFound("proposal.not-found", "no proposal '" + proposalId + "' here")));
    }
}
