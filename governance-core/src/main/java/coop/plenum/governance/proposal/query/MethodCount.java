package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.options.ConsentBallot;
import coop.plenum.governance.options.ConsentClassTallies;
import coop.plenum.governance.options.ConsentMethod;
import coop.plenum.governance.options.ConsentTally;
import coop.plenum.governance.options.OptionBallot;
import coop.plenum.governance.options.SchulzeMethod;
import coop.plenum.governance.options.SchulzeTally;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.options.OptionMethod;
import coop.plenum.governance.options.OptionTally;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.tally.Tally;
import coop.plenum.governance.tally.YesNo;
import coop.plenum.governance.voting.BallotBox;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Provenance;
import coop.plenum.governance.voting.VoteCount;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A proposal's {@link VoteCount} whatever its method, fed with ballot documents: the read side's one way to count,
 * the same {@code VotingMethod} the Proposal aggregate closes with (YES_NO, or the pinned APPROVAL/SCORE options).
 */
final class MethodCount<B> {

    /** The result of any kind of count; exactly one is set. */
    record Counted(Tally tally, OptionTally optionTally, ConsentTally consentTally, SchulzeTally schulzeTally,
                   coop.plenum.governance.budget.BudgetTally budgetTally) {

        Counted(Tally tally, OptionTally optionTally, ConsentTally consentTally, SchulzeTally schulzeTally) {
            this(tally, optionTally, consentTally, schulzeTally, null);
        }

        coop.plenum.governance.tally.Outcome outcome() {
            if (budgetTally != null) {
                return budgetTally.outcome();
            }
            return tally != null ? tally.outcome() : optionTally != null ? optionTally.outcome()
                    : consentTally != null ? consentTally.outcome() : schulzeTally.outcome();
        }
    }

    private final VoteCount<B, ?> count;
    private final Function<BallotDocument, B> ballotOf;
    private final Function<VoteCount<B, ?>, Counted> counted;

    private MethodCount(VoteCount<B, ?> count, Function<BallotDocument, B> ballotOf, Function<VoteCount<B, ?>, Counted> counted) {
        this.count = count;
        this.ballotOf = ballotOf;
        this.counted = counted;
    }

    static MethodCount<?> open(ProposalDocument d, Electorate electorate, Map<MemberId, MemberId> delegations,
                               int maxChainLength, List<BallotDocument> ballots, java.time.Instant asOf) {
        if (d.votingMethod() == VoteMethod.BUDGET) {
            // an APPROVAL count underneath (the ballots are approval sets), the Method of Equal Shares on top
            VoteCount<OptionBallot, OptionTally> count = coop.plenum.governance.budget.BudgetCount.open(d.optionsOrNone(),
                    electorate, delegations, maxChainLength, lastBallots(ballots, asOf, BallotDocument::optionBallot));
            return new MethodCount<>(count, BallotDocument::optionBallot, c -> new Counted(null, null, null, null,
                    coop.plenum.governance.budget.BudgetCount.tally(d.budget(), d.optionsOrNone(), electorate, count)));
        }
        if (d.votingMethod() == VoteMethod.RANKED) {
            SchulzeMethod method = SchulzeMethod.of(d.optionsOrNone());
            return new MethodCount<>(method.count(electorate, delegations, maxChainLength,
                    lastBallots(ballots, asOf, BallotDocument::rankedBallot)), BallotDocument::rankedBallot,
                    c -> new Counted(null, null, null, (SchulzeTally) c.result()));
        }
        if (d.votingMethod().isScored()) {
            OptionMethod method = OptionMethod.of(d.votingMethod(), d.optionsOrNone());
            return new MethodCount<>(method.count(electorate, delegations, maxChainLength,
                    lastBallots(ballots, asOf, BallotDocument::optionBallot)), BallotDocument::optionBallot,
                    c -> new Counted(null, (OptionTally) c.result(), null, null));
        }
        if (d.votingMethod() == VoteMethod.CONSENT) {
            return new MethodCount<>(ConsentMethod.count(electorate, delegations, maxChainLength,
                    lastBallots(ballots, asOf, BallotDocument::consentBallot)), BallotDocument::consentBallot,
                    c -> new Counted(null, null, consentTally(c), null));
        }
        return new MethodCount<>(YesNo.count(electorate, delegations, maxChainLength,
                lastBallots(ballots, asOf, BallotDocument::choice)), BallotDocument::choice,
                c -> new Counted((Tally) c.result(), null, null, null));
    }

    @SuppressWarnings("unchecked")
    private static ConsentTally consentTally(VoteCount<ConsentBallot, ?> count) {
        return ConsentMethod.tally((VoteCount<ConsentBallot, ConsentClassTallies>) count);
    }

    /** SPEC "Time, and as of": each member's last ballot at or before the instant (a retraction removes it). */
    static <T> Map<MemberId, T> lastBallots(List<BallotDocument> all, java.time.Instant asOf, Function<BallotDocument, T> ballotOf) {
        return BallotBox.asOf(all.stream().map(b -> new BallotBox.LogEntry<>(b.sequence(), b.at(),
                new MemberId(b.memberId()), b.retracted() ? null : ballotOf.apply(b))).toList(), asOf).ballots();
    }

    /** One more ballot event: a ballot, or a retraction. */
    void apply(BallotDocument b) {
        MemberId member = new MemberId(b.memberId());
        if (!count.inElectorate(member)) {
            return;
        }
        B ballot = b.retracted() ? null : ballotOf.apply(b);
        if (ballot == null) {
            count.retract(member);
        } else {
            count.cast(member, ballot);
        }
    }

    void delegate(MemberId member, MemberId delegateOrNull) {
        count.delegate(member, delegateOrNull);
    }

    boolean inElectorate(MemberId member) {
        return count.inElectorate(member);
    }

    Counted result() {
        return counted.apply(count);
    }

    Provenance<B> provenance(MemberId member) {
        return count.provenance(member);
    }
}
