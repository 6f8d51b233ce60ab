package coop.plenum.governance.audit.offline;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DelegationRule;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.options.OptionBallot;
import coop.plenum.governance.options.OptionMethod;
import coop.plenum.governance.options.OptionMethodPropertiesTest;
import coop.plenum.governance.options.OptionMethodPropertiesTest.Vote;
import coop.plenum.governance.options.OptionTally;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.BallotRetracted;
import coop.plenum.governance.proposal.DelegationsFrozen;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.voting.VoteCount;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One APPROVAL or SCORE vote read three ways must agree: the live count kept ballot by ballot (as LiveTallies keeps
 * it), a count opened afresh over the last ballots (as {@code asOf} after closing and the aggregate at closing run
 * it), and the offline audit's replay of the events.
 */
class OptionCountsAgreePropertiesTest {

    private static final ProposalId P = new ProposalId("p-1");
    private static final Instant T = Instant.parse("2026-04-01T12:00:00Z");

    record Scenario(Vote vote, long seed) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(Arbitraries.of(VoteMethod.APPROVAL, VoteMethod.SCORE), Arbitraries.of(ClassRule.class),
                        Arbitraries.integers().between(1, 3), Arbitraries.longs())
                .as((method, rule, classes, seed) -> new Scenario(OptionMethodPropertiesTest.randomVote(method, rule, classes,
                        new Random(seed)), seed));
    }

    @Property(tries = 2000)
    void theLiveCountTheFreshCountAndTheAuditReplayAgree(@ForAll("scenarios") Scenario s) {
        Vote vote = s.vote();
        Random random = new Random(s.seed() ^ 0x5DEECE66DL);
        OptionMethod method = OptionMethod.of(vote.method(), OptionMethodPropertiesTest.OPTIONS);
        VoteCount<OptionBallot, OptionTally> live = method.count(vote.electorate(), vote.delegations(), 3, Map.of());

        DecisionReplay replay = new DecisionReplay();
        replay.on(new VotingOpened(P, new CooperativeId("c"), "energy", T, vote.classes(), vote.electorate().decision(),
                new DelegationRule(true, 3), vote.voters().stream().map(v -> new ElectorateMember(v.memberId(),
                        new AccountId("a-" + v.memberId().value()), v.classId(), v.power())).toList(),
                vote.method(), OptionMethodPropertiesTest.OPTIONS));
        // every ballot is cast, some first with another ballot, some retracted and cast again: the last one counts
        List<MemberId> voters = new ArrayList<>(vote.ballots().keySet());
        for (MemberId m : voters) {
            if (random.nextBoolean()) {
                OptionBallot other = OptionBallot.approving(List.of("d"));
                live.cast(m, other);
                replay.on(new BallotCast(P, m, null, T, null, other.scores(), null));
                live.retract(m);
                replay.on(new BallotRetracted(P, m, T));
            }
        }
        for (MemberId m : voters) {
            OptionBallot b = vote.ballots().get(m);
            live.cast(m, b);
            replay.on(new BallotCast(P, m, null, T, null, b.scores(), null));
        }
        replay.on(new DelegationsFrozen(P, T, vote.delegations().entrySet().stream()
                .map(e -> new DelegationsFrozen.Delegation(e.getKey(), e.getValue())).toList()));

        OptionTally fresh = method.count(vote.electorate(), vote.delegations(), 3, vote.ballots()).result();
        assertThat(live.result()).isEqualTo(fresh);
        DecisionReplay.Result audited = replay.closed(new VotingClosed(P, T, fresh.outcome(),
                fresh.winningScore() == null ? null : fresh.winningScore().toString(), fresh.winners())).orElseThrow();
        assertThat(audited.matches()).as("%s", audited).isTrue();
    }
}
