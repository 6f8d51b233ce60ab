package coop.plenum.api.proposal;

import coop.plenum.governance.axon.ClusterSignals;
import coop.plenum.governance.delegation.query.DelegationChanges;
import coop.plenum.governance.proposal.query.FindProposalSummary;
import coop.plenum.governance.proposal.query.ProposalSummary;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.query.FindTally;
import coop.plenum.governance.proposal.query.ProposalChanges;
import coop.plenum.governance.proposal.query.TallyView;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.Arrays;

/**
 * A proposal's live tally as server-sent events: the tally now, then again whenever it changes. Callers check
 * access first; the JSON API and the browser UI both stream from here.
 */
@Component
public class TallyStream {

    private static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Duration ELSEWHERE = Duration.ofMillis(50);

    private final Queries queries;
    private final ProposalChanges changes;
    private final DelegationChanges delegations;
    private final ClusterSignals cluster;

    TallyStream(Queries queries, ProposalChanges changes, DelegationChanges delegations, ClusterSignals cluster) {
        this.cluster = cluster;
        this.queries = queries;
        this.changes = changes;
        this.delegations = delegations;
    }

    public Flux<ServerSentEvent<TallyJson>> of(ProposalId proposalId) {
        // a provisional tally follows current delegations: a delegation changed in the cooperative is a change too
        Flux<Object> delegationChanged = queries.one(new FindProposalSummary(proposalId), ProposalSummary.class)
                .flatMapMany(p -> delegations.of(p.cooperativeId()));
        // another node sharing the stores projected ballots or delegations (which ones it does not say): read again,
        // at most every ELSEWHERE
        Flux<Object> changedElsewhere = cluster.progressedElsewhere()
                .filter(p -> p.equals("readmodel-proposals") || p.equals("readmodel-delegations"))
                .sample(ELSEWHERE).map(p -> (Object) p);
        Flux<Object> triggers = Flux.merge(Flux.just((Object) "now"), changes.of(proposalId), delegationChanged,
                changedElsewhere, Flux.interval(REFRESH));
        return triggers.concatMap(trigger -> queries.one(new FindTally(proposalId, null), TallyView.class), 1)
                .map(TallyJson::of)
                // a RANKED tally's per-class figures are participation only: a recast ranking changes D alone
                .distinctUntilChanged(t -> Arrays.asList(t.state(), String.valueOf(t.outcome()), t.classes(), t.pairwise()))
                .map(t -> ServerSentEvent.builder(t).event("tally").id(t.asOf().toString()).build());
    }
}
