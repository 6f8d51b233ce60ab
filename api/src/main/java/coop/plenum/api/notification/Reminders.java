package coop.plenum.api.notification;

import coop.plenum.api.proposal.ProposalsOfCooperative;
import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.notification.FindNonVoters;
import coop.plenum.governance.notification.NotifiedElector;
import coop.plenum.governance.notification.RemindNonVoters;
import coop.plenum.governance.proposal.ProposalState;
import coop.plenum.kernel.StateConflict;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * "Remind those who haven't voted", for the API and the proposal page alike: a secretary of the cooperative, a vote
 * that is open; the electors not counted right now are reminded, at most once per vote per day (the aggregate decides).
 */
@Component
public class Reminders {

    private final CooperativeAccess access;
    private final ProposalsOfCooperative proposals;
    private final Queries queries;
    private final Commands commands;

    Reminders(CooperativeAccess access, ProposalsOfCooperative proposals, Queries queries, Commands commands) {
        this.access = access;
        this.proposals = proposals;
        this.queries = queries;
        this.commands = commands;
    }

    /** How many electors were reminded. */
    public Mono<Integer> remind(String cooperativeId, String proposalId, PlenumUser user, String correlation) {
        return access.requireAnyRole(cooperativeId, user, Role.SECRETARY)
                .then(proposals.require(cooperativeId, proposalId))
                .flatMap(proposal -> {
                    if (proposal.state() != ProposalState.VOTING) {
                        return Mono.error(new StateConflict("reminder.not-voting", "only an open vote has people to remind"));
                    }
                    return queries.many(new FindNonVoters(new ProposalId(proposalId)), NotifiedElector.class);
                })
                .flatMap(nonVoters -> commands.send(new RemindNonVoters(new ProposalId(proposalId),
                        new CooperativeId(cooperativeId), List.copyOf(nonVoters)), user.caller(correlation))
                        .thenReturn(nonVoters.size()));
    }
}
