package coop.plenum.governance.proposal.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.DelegationRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalState;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.tally.Outcome;
import org.axonframework.serialization.Revision;

import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;

import java.time.Instant;
import java.util.List;

/**
 * The whole state of a {@link Proposal} at one point of its stream, kept in the snapshot table so that loading a
 * proposal with thousands of ballots reads one row plus the events after it. Not a domain event: it is never
 * published, audited or upcast. When the Proposal's state changes shape, raise {@link #REVISION}; snapshots of any
 * other revision are then ignored ({@code CurrentSnapshots}) and the proposal replays its events, which remain the
 * truth.
 */
@Revision(ProposalSnapshot.REVISION)
record ProposalSnapshot(ProposalId proposalId, CooperativeId cooperativeId, AccountId author, String topic, ProposalState state,
                        Outcome outcome, Instant votingOpensAt, Instant votingClosesAt, int revision,
                        List<StakeholderClass> classes, DecisionRule decision, DelegationRule delegation,
                        List<ElectorateMember> electorate, List<Ballot> ballots, VoteMethod method,
                        List<ProposalOption> options, List<OptionBallotOf> optionBallots,
                        List<ConsentBallotOf> consentBallots, List<RankedBallotOf> rankedBallots,
                        coop.plenum.governance.proposal.Visibility visibility, MemberId authorMember,
                        List<String> commentIds, java.util.Map<String, Integer> seats, List<CandidacyOf> candidacies,
                        List<coop.plenum.governance.proposal.ElectionCandidate> candidates,
                        coop.plenum.governance.budget.ProposalBudget budget,
                        coop.plenum.governance.proposal.Secrecy secrecy, List<SealedBallotOf> sealedBallots) {

    /** SECRET, while voting: one member's last sealed ballot (the key that opens it is not in the snapshot). */
    record SealedBallotOf(MemberId memberId, String sealed) {
    }

    /** ELECTION: one standing nomination during deliberation. */
    record CandidacyOf(MemberId memberId, String classId, boolean accepted) {
    }

    /** One member's current RANKED ballot. */
    record RankedBallotOf(MemberId memberId, List<List<String>> ranking) {
    }

    /** One member's current CONSENT ballot. */
    record ConsentBallotOf(MemberId memberId, coop.plenum.governance.options.ConsentBallot ballot) {
    }

    // 3: visibility (AFTER_CLOSE) and the author's member id (outcome statements); 4: the comment ids (replies);
    // 5: ELECTION's seats, candidacies and pinned candidates, and a BUDGET proposal's budget (its projects' costs
    // are in the options); 6: secrecy and the sealed ballots of a SECRET vote
    static final String REVISION = "6";

    /** One member's current ballot of an option method: the score per option (approval: 1 per approved option). */
    record OptionBallotOf(MemberId memberId, java.util.Map<String, Integer> scores) {
    }

    /** One member's current ballot, in the order they were first cast. */
    record Ballot(MemberId memberId, Choice choice) {
    }
}
