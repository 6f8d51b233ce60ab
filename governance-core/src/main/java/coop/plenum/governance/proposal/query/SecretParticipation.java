package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.tally.YesNo;
import coop.plenum.governance.voting.BallotBox;
import coop.plenum.governance.voting.Electorate;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * SPEC "secrecy: SECRET": who took part in a secret vote (public: quorum needs it), never what they chose, read from
 * the proposal's ballot pages ({@link ProposalBallots}), where each sealed ballot is an entry saying only that the
 * member took part then, and a retraction takes it back. The proposal's document does not hold it: a list of every
 * participant rewritten with each ballot cost the proposals read model a rewrite of up to the whole electorate per
 * ballot (docs/performance.md, "Secret-vote participation"). Members are in the order they first took part (a
 * recast keeps its place, a ballot cast again after a retraction comes last), the order the document's list had.
 * <p>
 * Brought forward with {@link #apply}: an open vote's participation is kept between reads ({@link LiveTallies}) and
 * given only the ballot events after the last one it counted.
 */
final class SecretParticipation {

    private final BallotBox<Boolean> standing = new BallotBox<>();
    private long sequence = -1;

    /** Participation as it stood at the instant: sealed ballots cast at or before it and not retracted since. */
    static SecretParticipation asOf(Collection<BallotDocument> ballotEvents, Instant asOf) {
        SecretParticipation participation = new SecretParticipation();
        ballotEvents.stream().filter(b -> !b.at().isAfter(asOf))
                .sorted(Comparator.comparingLong(BallotDocument::sequence))
                .forEach(participation::apply);
        return participation;
    }

    /** Everything in the ballot events given, in any order: the participation now. */
    static SecretParticipation of(Collection<BallotDocument> ballotEvents) {
        return asOf(ballotEvents, Instant.MAX);
    }

    /**
     * One ballot event of the vote, in event order: a sealed ballot (the member takes part), a retraction (no longer),
     * nothing else (a secret vote has no open ballots). An event at or before the last one applied is one already
     * counted (read again from a page) and changes nothing.
     */
    void apply(BallotDocument event) {
        if (event.sequence() <= sequence) {
            return;
        }
        if (event.sealed()) {
            standing.cast(new MemberId(event.memberId()), Boolean.TRUE);
        } else if (event.retracted()) {
            standing.retract(new MemberId(event.memberId()));
        }
        sequence = event.sequence();
    }

    /** The last ballot event applied; -1 before any. */
    long sequence() {
        return sequence;
    }

    /** The members whose sealed ballot stands, in the order they first took part. */
    Set<MemberId> members() {
        return new LinkedHashSet<>(standing.ballots().keySet());
    }

    /**
     * Participation per class over the frozen electorate, for quorum and the live page: each member who took part
     * counts as taking part and nothing else (the placeholder count is participation, never a choice; the tally of
     * an open secret vote is always hidden).
     */
    coop.plenum.governance.tally.Tally tally(Electorate electorate) {
        Map<MemberId, Choice> takingPart = new LinkedHashMap<>();
        standing.ballots().keySet().forEach(m -> takingPart.put(m, Choice.ABSTAIN));
        return YesNo.count(electorate, Map.of(), 0, takingPart).result();
    }
}
