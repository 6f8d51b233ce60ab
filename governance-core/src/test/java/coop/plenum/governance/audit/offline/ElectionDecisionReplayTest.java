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
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.ElectionCandidate;
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

/** The offline audit re-counts a board election (ELECTION) by Meek STV per class, as the server closed it. */
class ElectionDecisionReplayTest {

    private static final ProposalId P = new ProposalId("p-1");
    private static final Instant T = Instant.parse("2026-04-01T12:00:00Z");
    private static final MemberId A = new MemberId("m-a");
    private static final MemberId B = new MemberId("m-b");
    private static final MemberId C = new MemberId("m-c");
    private static final MemberId U = new MemberId("m-u");

    private DecisionReplay replayed() {
        DecisionReplay replay = new DecisionReplay();
        replay.on(new VotingOpened(P, new CooperativeId("c-1"), "board", T,
                List.of(new StakeholderClass("workers", "Workers", 60, 0), new StakeholderClass("users", "Users", 40, 0)),
                new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED), new DelegationRule(true, 3),
                List.of(new ElectorateMember(A, new AccountId("a"), "workers", BigDecimal.ONE),
                        new ElectorateMember(B, new AccountId("b"), "workers", BigDecimal.ONE),
                        new ElectorateMember(C, new AccountId("c"), "workers", new BigDecimal("3")),
                        new ElectorateMember(U, new AccountId("u"), "users", BigDecimal.ONE)),
                VoteMethod.ELECTION, null, null, Map.of("workers", 1, "users", 1),
                List.of(new ElectionCandidate(A, "workers"), new ElectionCandidate(B, "workers"), new ElectionCandidate(U, "users")), null));
        replay.on(new BallotCast(P, A, null, T, null, null, null, null, List.of(List.of("m-a"))));
        replay.on(new BallotCast(P, B, null, T, null, null, null, null, List.of(List.of("m-b"))));
        replay.on(new BallotCast(P, C, null, T, null, null, null, null, List.of(List.of("m-b"), List.of("m-a"))));
        replay.on(new BallotCast(P, U, null, T, null, null, null, null, List.of(List.of("m-u"))));
        return replay;
    }

    @Test
    void aRecordedElectionMatchesItsReplayElectedIncluded() {
        // workers: C's power 3 for m-b: m-b 4 of 5 > 5/2; users: m-u
        DecisionReplay.Result result = replayed()
                .closed(new VotingClosed(P, T, Outcome.ACCEPTED, null, List.of("m-b", "m-u"))).orElseThrow();
        assertThat(result.winners()).containsExactly("m-b", "m-u");
        assertThat(result.matches()).isTrue();
    }

    @Test
    void aRecordedElectedTheBallotsDoNotGiveIsReportedAsDiffering() {
        DecisionReplay.Result result = replayed()
                .closed(new VotingClosed(P, T, Outcome.ACCEPTED, null, List.of("m-a", "m-u"))).orElseThrow();
        assertThat(result.matches()).isFalse();
    }
}
