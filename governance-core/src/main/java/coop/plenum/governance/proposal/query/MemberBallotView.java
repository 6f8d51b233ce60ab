package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.tally.Choice;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One ballot event of a member: the proposal, the event's sequence number in the proposal's history, the choice
 * (YES_NO) or {@code ballot} in words (other methods; both {@code null}: the ballot was retracted), when, and whether it is the ballot that counts for them: their last
 * ballot event on that proposal, if it is not a retraction. A recast supersedes every earlier ballot.
 */
public record MemberBallotView(ProposalId proposalId, long sequenceNumber, Choice choice, Instant at, boolean counts,
                               String ballot) {

    public boolean retracted() {
        return choice == null && ballot == null;
    }

    public MemberBallotView(ProposalId proposalId, long sequenceNumber, Choice choice, Instant at, boolean counts) {
        this(proposalId, sequenceNumber, choice, at, counts, null);
    }

    /** The ballot for people: the YES_NO choice, or another method's ballot in words; {@code null} for a retraction. */
    public String shown() {
        return choice != null ? choice.name() : ballot;
    }

    /** "The last ballot counts": marks, per proposal, the latest event as counting unless it retracted the ballot. */
    static List<MemberBallotView> lastBallotCounts(List<MemberBallotView> events) {
        Map<ProposalId, Long> last = new HashMap<>();
        events.forEach(e -> last.merge(e.proposalId(), e.sequenceNumber(), Math::max));
        return events.stream()
                .map(e -> new MemberBallotView(e.proposalId(), e.sequenceNumber(), e.choice(), e.at(),
                        !e.retracted() && last.get(e.proposalId()) == e.sequenceNumber(), e.ballot()))
                .sorted(NEWEST_FIRST)
                .toList();
    }

    static final Comparator<MemberBallotView> NEWEST_FIRST = Comparator.comparing(MemberBallotView::at).reversed()
            .thenComparing(v -> v.proposalId().value()).thenComparing(Comparator.comparingLong(MemberBallotView::sequenceNumber).reversed());
}
