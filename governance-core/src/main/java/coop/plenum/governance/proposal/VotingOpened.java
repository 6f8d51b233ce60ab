package coop.plenum.governance.proposal;

import coop.plenum.governance.cooperative.CooperativeId;
import coop.plenum.governance.cooperative.DecisionRule;
import coop.plenum.governance.cooperative.DelegationRule;
import coop.plenum.governance.cooperative.StakeholderClass;

import java.time.Instant;
import java.util.List;

/**
 * A fact: voting opened at {@code openedAt}, and this is frozen for the proposal: the electorate (members ACTIVE
 * then, with their class and power then) and the charter's decision rules in force then. Later amendments,
 * admissions or contributions never change it; replays read it from here.
 */
public record VotingOpened(ProposalId proposalId, CooperativeId cooperativeId, String topic, Instant openedAt,
                           List<StakeholderClass> classes, DecisionRule decision, DelegationRule delegation,
                           List<ElectorateMember> electorate) {
}
