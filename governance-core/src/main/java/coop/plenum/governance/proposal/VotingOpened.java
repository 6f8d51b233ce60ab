package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.DelegationRule;
import coop.plenum.governance.charter.StakeholderClass;

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
