package coop.plenum.governance.proposal.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A cooperative's agenda ({@code id}: the cooperative): the ids of its open votes, and its latest decisions, newest
 * first, at most {@link VoteAgenda#RECENT_DECISIONS}. Both lists stay short whatever the history.
 */
@Document("vote_agendas")
record VoteAgendaDocument(@Id String id, List<String> open, List<Decided> decided) {

    record Decided(String proposalId, Instant closedAt) {
    }

    /** Which cooperative an opened vote belongs to ({@code id}: the proposal): VotingClosed does not say. */
    @Document("vote_agenda_proposals")
    record Owner(@Id String id, String cooperativeId) {
    }
}
