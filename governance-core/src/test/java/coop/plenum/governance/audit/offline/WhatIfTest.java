package coop.plenum.governance.audit.offline;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.DelegationRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.DelegationsFrozen;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.StateConflict;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhatIfTest {

    private static final ProposalId P = new ProposalId("p-1");
    private static final Instant T = Instant.parse("2026-11-30T12:00:00Z");

    /** Workers a, b, c vote YES, YES, NO; users d votes NO and e (who delegated to a) does not vote. */
    private static DecisionReplay closedVote() {
        DecisionReplay replay = new DecisionReplay();
        List<StakeholderClass> classes = List.of(new StakeholderClass("workers", "Workers", 50, 0),
                new StakeholderClass("users", "Users", 50, 0));
        List<ElectorateMember> electorate = List.of(member("a", "workers"), member("b", "workers"), member("c", "workers"),
                member("d", "users"), member("e", "users"));
        replay.replay(new VotingOpened(P, new CooperativeId("c-1"), "general", T, classes,
                new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED), new DelegationRule(true, 0), electorate));
        replay.replay(new BallotCast(P, new MemberId("a"), Choice.YES, T));
        replay.replay(new BallotCast(P, new MemberId("b"), Choice.YES, T));
        replay.replay(new BallotCast(P, new MemberId("c"), Choice.NO, T));
        replay.replay(new BallotCast(P, new MemberId("d"), Choice.NO, T));
        replay.replay(new DelegationsFrozen(P, T, List.of(new DelegationsFrozen.Delegation(new MemberId("e"), new MemberId("a")))));
        replay.replay(new VotingClosed(P, T, Outcome.ACCEPTED, "0.583333"));
        return replay;
    }

    private static ElectorateMember member(String id, String classId) {
        return new ElectorateMember(new MemberId(id), new AccountId("acc-" + id), classId, new BigDecimal("1.000000"));
    }

    @Test
    void underTheRulesItWasHeldTheReTallyGivesTheRecordedOutcome() {
        DecisionReplay.Hypothesis same = closedVote().whatIf(WhatIfRules.none());
        // workers 2/3, users (d NO, e via a YES) 1/2: weighted 7/12 = 0.583333
        assertThat(same.tally().outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(same.tally().approval().toDecimalString(6)).isEqualTo(same.recorded().approval());
    }

    @Test
    void aTwoThirdsThresholdWouldHaveRejectedIt() {
        assertThat(closedVote().whatIf(new WhatIfRules(Threshold.TWO_THIRDS, null, Map.of(), null, null)).tally().outcome())
                .isEqualTo(Outcome.REJECTED);
    }

    @Test
    void withoutDelegationTheUsersClassWouldHaveRejectedAndEveryClassMustPass() {
        DecisionReplay.Hypothesis noDelegation = closedVote().whatIf(new WhatIfRules(null, ClassRule.EVERY_CLASS, Map.of(), false, null));
        assertThat(noDelegation.tally().outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(noDelegation.delegation().enabled()).isFalse();
    }

    @Test
    void otherWeightsAndQuorumsAreApplied() {
        DecisionReplay.Hypothesis weighted = closedVote().whatIf(new WhatIfRules(null, null, Map.of(
                "workers", new WhatIfRules.ClassChange(90, null), "users", new WhatIfRules.ClassChange(10, 100)), null, null));
        assertThat(weighted.classes()).extracting(StakeholderClass::weight).containsExactly(90, 10);
        // the users' quorum of 100 % is met (d voted, e counted through a): 0.9 × 2/3 + 0.1 × 1/2 = 0.65
        assertThat(weighted.tally().outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(weighted.tally().approval().toDecimalString(6)).isEqualTo("0.650000");
    }

    @Test
    void impossibleRulesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> closedVote().whatIf(new WhatIfRules(null, null, Map.of("owners", new WhatIfRules.ClassChange(10, 1)), null, null)))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("classes.owners");
        assertThatThrownBy(() -> closedVote().whatIf(new WhatIfRules(null, null, Map.of("workers", new WhatIfRules.ClassChange(70, null)), null, null)))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("classes");
        assertThatThrownBy(() -> closedVote().whatIf(new WhatIfRules(null, null, Map.of("users", new WhatIfRules.ClassChange(null, 101)), null, null)))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("classes.users.quorum");
        assertThatThrownBy(() -> closedVote().whatIf(new WhatIfRules(null, null, Map.of(), null, 1001)))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("maxChainLength");
    }

    @Test
    void aVoteStillOpenIsNotReTallied() {
        DecisionReplay open = new DecisionReplay();
        assertThatThrownBy(() -> open.whatIf(WhatIfRules.none())).isInstanceOf(StateConflict.class);
    }
}
