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

    @Property(tries = 1000)
    void rankedAndConsentVotesAgreeLiveFreshAndReplayedToo(@ForAll("scenarios") Scenario s) {
        Vote vote = s.vote();
        Random random = new Random(s.seed() ^ 0x2545F4914F6CDD1DL);
        Map<MemberId, coop.plenum.governance.options.RankedBallot> ranked = new java.util.LinkedHashMap<>();
        Map<MemberId, coop.plenum.governance.options.ConsentBallot> consent = new java.util.LinkedHashMap<>();
        for (MemberId m : vote.ballots().keySet()) {
            List<String> ids = new ArrayList<>(List.of("a", "b", "c", "d"));
            java.util.Collections.shuffle(ids, random);
            List<List<String>> groups = new ArrayList<>();
            for (String id : ids.subList(0, random.nextInt(5))) {
                if (!groups.isEmpty() && random.nextInt(3) == 0) {
                    groups.set(groups.size() - 1, concat(groups.get(groups.size() - 1), id));
                } else {
                    groups.add(List.of(id));
                }
            }
            ranked.put(m, new coop.plenum.governance.options.RankedBallot(groups));
            var choice = coop.plenum.governance.options.ConsentChoice.values()[random.nextInt(3)];
            consent.put(m, new coop.plenum.governance.options.ConsentBallot(choice,
                    choice == coop.plenum.governance.options.ConsentChoice.OBJECT ? "reason " + m.value() : null));
        }
        var schulze = coop.plenum.governance.options.SchulzeMethod.of(OptionMethodPropertiesTest.OPTIONS);
        var liveRanked = schulze.count(vote.electorate(), vote.delegations(), 3, Map.of());
        var liveConsent = coop.plenum.governance.options.ConsentMethod.count(vote.electorate(), vote.delegations(), 3, Map.of());
        DecisionReplay rankedReplay = replayOpened(vote, VoteMethod.RANKED);
        DecisionReplay consentReplay = replayOpened(vote, VoteMethod.CONSENT);
        for (MemberId m : vote.ballots().keySet()) {
            liveRanked.cast(m, ranked.get(m));
            rankedReplay.on(new BallotCast(P, m, null, T, null, null, null, null, ranked.get(m).ranking()));
            liveConsent.cast(m, consent.get(m));
            consentReplay.on(new BallotCast(P, m, null, T, null, null, consent.get(m).reason(), consent.get(m).choice(), null));
        }
        DelegationsFrozen frozen = new DelegationsFrozen(P, T, vote.delegations().entrySet().stream()
                .map(e -> new DelegationsFrozen.Delegation(e.getKey(), e.getValue())).toList());
        rankedReplay.on(frozen);
        consentReplay.on(frozen);

        var freshRanked = schulze.count(vote.electorate(), vote.delegations(), 3, ranked).result();
        var liveRankedResult = liveRanked.result();
        assertThat(liveRankedResult.winners()).isEqualTo(freshRanked.winners());
        assertThat(liveRankedResult.outcome()).isEqualTo(freshRanked.outcome());
        assertThat(java.util.Arrays.deepEquals(liveRankedResult.p(), freshRanked.p())).isTrue();
        assertThat(rankedReplay.closed(new VotingClosed(P, T, freshRanked.outcome(), null, freshRanked.winners()))
                .orElseThrow().matches()).isTrue();

        var freshConsent = coop.plenum.governance.options.ConsentMethod.tally(
                coop.plenum.governance.options.ConsentMethod.count(vote.electorate(), vote.delegations(), 3, consent));
        assertThat(coop.plenum.governance.options.ConsentMethod.tally(liveConsent)).isEqualTo(freshConsent);
        assertThat(consentReplay.closed(new VotingClosed(P, T, freshConsent.outcome(), null)).orElseThrow().matches()).isTrue();
    }

    private static List<String> concat(List<String> group, String id) {
        List<String> more = new ArrayList<>(group);
        more.add(id);
        return List.copyOf(more);
    }

    private static DecisionReplay replayOpened(Vote vote, VoteMethod method) {
        DecisionReplay replay = new DecisionReplay();
        replay.on(new VotingOpened(P, new CooperativeId("c"), "energy", T, vote.classes(), vote.electorate().decision(),
                new DelegationRule(true, 3), vote.voters().stream().map(v -> new ElectorateMember(v.memberId(),
                        new AccountId("a-" + v.memberId().value()), v.classId(), v.power())).toList(),
                method, method == VoteMethod.CONSENT ? null : OptionMethodPropertiesTest.OPTIONS));
        return replay;
    }
}
