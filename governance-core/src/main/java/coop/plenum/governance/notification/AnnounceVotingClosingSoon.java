package coop.plenum.governance.notification;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.ProposalId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Command (the scheduler, a day before a vote closes): tell the electors not counted yet, and the classes short of quorum. */
public record AnnounceVotingClosingSoon(ProposalId proposalId, CooperativeId cooperativeId, Instant closesAt,
                                        List<NotifiedElector> nonVoters, List<QuorumShortfall> shortfalls) {

    @TargetAggregateIdentifier
    public String reminders() {
        return InboxIds.reminders(proposalId);
    }
}
