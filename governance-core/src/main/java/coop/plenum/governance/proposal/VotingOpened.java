package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.DelegationRule;
import coop.plenum.governance.charter.StakeholderClass;

import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;

import java.time.Instant;
import java.util.List;

/**
 * A fact: voting opened at {@code openedAt}, and this is frozen for the proposal: the electorate (members ACTIVE
 * then, with their class and power then) and the charter's decision rules in force then, with
 * the proposal's voting method and options, and its {@code visibility} (absent, as in every event stored before it
 * existed and in every PUBLIC vote: PUBLIC; AFTER_CLOSE: ballots and running results hidden until close), and for an
 * ELECTION the {@code seats} per class and the {@code candidates} standing, each for their class (absent otherwise;
 * the list's order breaks ties that never differed), and a BUDGET vote's {@code budget} (absent for every other
 * method), and its {@code secrecy} (SECRET: ballots sealed until close, no delegation; absent: OPEN). Later amendments,
 * admissions or contributions never change it; replays read it from here.
 */
public record VotingOpened(ProposalId proposalId, CooperativeId cooperativeId, String topic, Instant openedAt,
                           List<StakeholderClass> classes, DecisionRule decision, DelegationRule delegation,
                           List<ElectorateMember> electorate, VoteMethod method, List<ProposalOption> options,
                           Visibility visibility, java.util.Map<String, Integer> seats,
                           List<ElectionCandidate> candidates, coop.plenum.governance.budget.ProposalBudget budget,
                           Secrecy secrecy) {

    /** An open vote, as every vote was before secret ballots. */
    public VotingOpened(ProposalId proposalId, CooperativeId cooperativeId, String topic, Instant openedAt,
                        List<StakeholderClass> classes, DecisionRule decision, DelegationRule delegation,
                        List<ElectorateMember> electorate, VoteMethod method, List<ProposalOption> options,
                        Visibility visibility, java.util.Map<String, Integer> seats,
                        List<ElectionCandidate> candidates, coop.plenum.governance.budget.ProposalBudget budget) {
        this(proposalId, cooperativeId, topic, openedAt, classes, decision, delegation, electorate, method, options,
                visibility, seats, candidates, budget, null);
    }

    /** Pinned at opening: SECRET seals the ballots until close; absent (every event from before it) means OPEN. */
    public Secrecy ballotSecrecy() {
        return Secrecy.orDefault(secrecy);
    }

    /** A vote of any method but ELECTION and BUDGET. */
    public VotingOpened(ProposalId proposalId, CooperativeId cooperativeId, String topic, Instant openedAt,
                        List<StakeholderClass> classes, DecisionRule decision, DelegationRule delegation,
                        List<ElectorateMember> electorate, VoteMethod method, List<ProposalOption> options,
                        Visibility visibility) {
        this(proposalId, cooperativeId, topic, openedAt, classes, decision, delegation, electorate, method, options,
                visibility, null, null, null);
    }

    public java.util.Map<String, Integer> seatsOrNone() {
        return seats == null ? java.util.Map.of() : seats;
    }

    public List<ElectionCandidate> candidatesOrNone() {
        return candidates == null ? List.of() : candidates;
    }

    /** A vote with a method, before visibility existed: PUBLIC. */
    public VotingOpened(ProposalId proposalId, CooperativeId cooperativeId, String topic, Instant openedAt,
                        List<StakeholderClass> classes, DecisionRule decision, DelegationRule delegation,
                        List<ElectorateMember> electorate, VoteMethod method, List<ProposalOption> options) {
        this(proposalId, cooperativeId, topic, openedAt, classes, decision, delegation, electorate, method, options, null);
    }

    /** A YES_NO vote, as every vote was before voting methods. */
    public VotingOpened(ProposalId proposalId, CooperativeId cooperativeId, String topic, Instant openedAt,
                        List<StakeholderClass> classes, DecisionRule decision, DelegationRule delegation,
                        List<ElectorateMember> electorate) {
        this(proposalId, cooperativeId, topic, openedAt, classes, decision, delegation, electorate, VoteMethod.YES_NO, null);
    }

    /** The method pinned at opening; events stored before methods existed have none and mean YES_NO. */
    public VoteMethod votingMethod() {
        return VoteMethod.orDefault(method);
    }

    /** Who sees ballots and running results while voting, pinned at opening; absent means PUBLIC. */
    public Visibility resultsVisibility() {
        return Visibility.orDefault(visibility);
    }

    public List<ProposalOption> optionsOrNone() {
        return options == null ? List.of() : options;
    }
}
