package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * SPEC "Voting methods": the author records what the cooperative makes of the vote, once it has closed. Recording
 * again replaces the statement shown; every version stays in the log.
 */
public record RecordOutcomeStatement(@TargetAggregateIdentifier ProposalId proposalId, String statement) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        return ProposalInputRules.outcomeStatement(this);
    }
}
