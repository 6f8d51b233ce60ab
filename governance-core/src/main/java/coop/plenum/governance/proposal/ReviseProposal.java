package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The author edits title and body during deliberation. */
public record ReviseProposal(@TargetAggregateIdentifier ProposalId proposalId, String title, String body) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        return ProposalInputRules.revision(this);
    }
}
