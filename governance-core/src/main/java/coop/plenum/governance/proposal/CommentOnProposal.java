package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * An ACTIVE member comments during deliberation or voting; {@code replyTo}, when given, names the comment on this
 * proposal that this one answers (absent: a top-level comment).
 */
public record CommentOnProposal(@TargetAggregateIdentifier ProposalId proposalId, String commentId, String text, String replyTo)
        implements CheckedCommand {

    /** A top-level comment. */
    public CommentOnProposal(ProposalId proposalId, String commentId, String text) {
        this(proposalId, commentId, text, null);
    }

    @Override
    public List<Violation> inputViolations() {
        return ProposalInputRules.comment(this);
    }
}
