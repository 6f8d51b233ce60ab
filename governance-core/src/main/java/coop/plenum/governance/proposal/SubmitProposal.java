package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** An ACTIVE member proposes; without a schedule a secretary opens and closes the vote. */
public record SubmitProposal(@TargetAggregateIdentifier ProposalId proposalId, CooperativeId cooperativeId, String title,
                             String body, String topic, ProposalKind kind, ProposalEffect effect,
                             Instant votingOpensAt, Instant votingClosesAt) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        return ProposalInputRules.submission(this);
    }
}
