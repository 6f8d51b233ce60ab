package coop.plenum.governance.notification;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.ProposalId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Command (a secretary): remind these electors, whose power is not counted yet, to vote. */
public record RemindNonVoters(ProposalId proposalId, CooperativeId cooperativeId, List<NotifiedElector> nonVoters) {

    @TargetAggregateIdentifier
    public String reminders() {
        return InboxIds.reminders(proposalId);
    }
}
