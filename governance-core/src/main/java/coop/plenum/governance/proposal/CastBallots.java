package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Objects;

/**
 * Several members' ballots on one proposal, recorded in one unit of work: one transaction and one flush of the log
 * for all of them (group commit). Each ballot is decided on its own, exactly as a {@link CastBallot} would be, and
 * answered on its own ({@link BallotOutcome}); a refused ballot records nothing and does not hold back the others.
 * Every {@link BallotCast} carries its own caster's account and request correlation in its metadata.
 *
 * @param ballots in the order they arrived; at most {@value #MAX_BALLOTS}
 */
public record CastBallots(@TargetAggregateIdentifier ProposalId proposalId, List<Queued> ballots) {

    public static final int MAX_BALLOTS = 64;

    /** One member's ballot, with who sent it and the request it came in. */
    public record Queued(CastBallot ballot, String actor, String correlationId) {
        public Queued {
            Objects.requireNonNull(ballot, "ballot");
            Objects.requireNonNull(actor, "actor");
        }
    }

    public CastBallots {
        Objects.requireNonNull(proposalId, "proposalId");
        ballots = List.copyOf(ballots);
        if (ballots.isEmpty() || ballots.size() > MAX_BALLOTS) {
            throw new IllegalArgumentException("1 to " + MAX_BALLOTS + " ballots at once, not " + ballots.size());
        }
        for (Queued queued : ballots) {
            if (!queued.ballot().proposalId().equals(proposalId)) {
                throw new IllegalArgumentException("a ballot for " + queued.ballot().proposalId() + " in a batch for " + proposalId);
            }
        }
    }
}
