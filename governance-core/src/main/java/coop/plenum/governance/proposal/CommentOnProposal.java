package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** An ACTIVE member comments during deliberation or voting. */
public record CommentOnProposal(@TargetAggregateIdentifier ProposalId proposalId, String commentId, String text) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        return ProposalInputRules.comment(this);
    }
}
