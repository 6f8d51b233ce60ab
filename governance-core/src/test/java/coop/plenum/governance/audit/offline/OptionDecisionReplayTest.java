package coop.plenum.governance.audit.offline;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.DelegationRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.BallotRetracted;
import coop.plenum.governance.proposal.DelegationsFrozen;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.tally.Outcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline audit re-tallies an option vote with the same method the server closed it with, winners included. */
class OptionDecisionReplayTest {

    private static final ProposalId P = new ProposalId("p-1");
    private static final Instant T = Instant.parse("2026-04-01T12:00:00Z");
    private static final MemberId A = new MemberId("m-a");
    private static final MemberId B = new MemberId("m-b");
    private static final MemberId C = new MemberId("m-c");

    private DecisionReplay replayed(VotingClosed recorded) {
        DecisionReplay replay = new DecisionReplay();
        replay.on(new VotingOpened(P, new CooperativeId("c-1"), "energy", T,
                List.of(new StakeholderClass("workers", "Workers", 60, 0), new StakeholderClass("users", "Users", 40, 0)),
                new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED), new DelegationRule(true, 3),
                List.of(new ElectorateMember(A, new AccountId("a"), "workers", BigDecimal.ONE),
                        new ElectorateMember(B, new AccountId("b"), "users", BigDecimal.ONE),
                        new ElectorateMember(C, new AccountId("c"), "users", new BigDecimal("3"))),
                VoteMethod.APPROVAL, List.of(new ProposalOption("x", "X"), new ProposalOption("y", "Y"))));
        replay.on(new BallotCast(P, A, null, T, List.of("x"), null, "x is cheaper"));
        replay.on(new BallotCast(P, B, null, T, List.of("y"), null, null));
        replay.on(new BallotCast(P, C, null, T, List.of("y"), null, null));
        replay.on(new BallotRetracted(P, C, T));
        replay.on(new DelegationsFrozen(P, T, List.of(new DelegationsFrozen.Delegation(C, A))));
        return replay;
    }

    @Test
    void aRecordedApprovalResultMatchesItsReplayWinnersIncluded() {
        // workers: x 1; users: c (3, retracted, delegating to a) counts x, b y: x 3/4, y 1/4. S(x) = 0.6 + 0.3 = 9/10
        DecisionReplay.Result result = replayed(new VotingClosed(P, T, Outcome.ACCEPTED, "9/10", List.of("x")))
                .closed(new VotingClosed(P, T, Outcome.ACCEPTED, "9/10", List.of("x"))).orElseThrow();
        assertThat(result.winners()).containsExactly("x");
        assertThat(result.approval()).isEqualTo("9/10");
        assertThat(result.matches()).isTrue();
    }

    @Test
    void aRecordedWinnerTheBallotsDoNotGiveIsReportedAsDiffering() {
        DecisionReplay.Result result = replayed(null)
                .closed(new VotingClosed(P, T, Outcome.ACCEPTED, "9/10", List.of("y"))).orElseThrow();
        assertThat(result.matches()).isFalse();
    }

    @Test
    void aRecordedConsentResultMatchesItsReplayAndADelegatedObjectionDoesNotBlock() {
        DecisionReplay replay = new DecisionReplay();
        replay.on(new VotingOpened(P, new CooperativeId("c-1"), "energy", T,
                List.of(new StakeholderClass("workers", "Workers", 100, 0)),
                new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED), new DelegationRule(true, 3),
                List.of(new ElectorateMember(A, new AccountId("a"), "workers", BigDecimal.ONE),
                        new ElectorateMember(B, new AccountId("b"), "workers", BigDecimal.ONE)),
                VoteMethod.CONSENT, null));
        replay.on(new BallotCast(P, A, null, T, null, null, "too loud", coop.plenum.governance.options.ConsentChoice.OBJECT));
        replay.on(new BallotCast(P, B, null, T, null, null, null, coop.plenum.governance.options.ConsentChoice.CONSENT));
        replay.on(new BallotRetracted(P, A, T));
        replay.on(new DelegationsFrozen(P, T, List.of(new DelegationsFrozen.Delegation(A, B))));
        DecisionReplay.Result result = replay.closed(new VotingClosed(P, T, Outcome.ACCEPTED, null)).orElseThrow();
        assertThat(result.outcome()).isEqualTo("ACCEPTED");
        assertThat(result.matches()).isTrue();
    }

    @Test
    void aRecordedRankedResultMatchesItsReplayAndAForgedWinnerDoesNot() {
        DecisionReplay replay = new DecisionReplay();
        replay.on(new VotingOpened(P, new CooperativeId("c-1"), "energy", T,
                List.of(new StakeholderClass("workers", "Workers", 100, 0)),
                new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED), new DelegationRule(true, 3),
                List.of(new ElectorateMember(A, new AccountId("a"), "workers", BigDecimal.ONE),
                        new ElectorateMember(B, new AccountId("b"), "workers", BigDecimal.ONE),
                        new ElectorateMember(C, new AccountId("c"), "workers", BigDecimal.ONE)),
                VoteMethod.RANKED, List.of(new ProposalOption("x", "X"), new ProposalOption("y", "Y"))));
        replay.on(new BallotCast(P, A, null, T, null, null, null, null, List.of(List.of("y"), List.of("x"))));
        replay.on(new BallotCast(P, B, null, T, null, null, null, null, List.of(List.of("y"))));
        replay.on(new DelegationsFrozen(P, T, List.of(new DelegationsFrozen.Delegation(C, A))));
        assertThat(replay.closed(new VotingClosed(P, T, Outcome.ACCEPTED, null, List.of("y"))).orElseThrow().matches()).isTrue();
        assertThat(replay.closed(new VotingClosed(P, T, Outcome.ACCEPTED, null, List.of("x"))).orElseThrow().matches()).isFalse();
    }
}
