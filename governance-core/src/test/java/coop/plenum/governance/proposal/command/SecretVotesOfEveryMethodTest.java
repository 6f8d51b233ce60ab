package coop.plenum.governance.proposal.command;

import coop.plenum.governance.options.ConsentChoice;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.DelegationsFrozen;
import coop.plenum.governance.proposal.RevealedBallot;
import coop.plenum.governance.proposal.Secrecy;
import coop.plenum.governance.proposal.SecretBallotCast;
import coop.plenum.governance.proposal.SecretBallotsRevealed;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.tally.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Voting methods", {@code secrecy: SECRET}: "any method but ELECTION may choose it". A secret vote of each such
 * method, with a recast and a retraction, closes to anonymous revealed ballots (each member's last ballot, with its
 * class and power, in tag order) and to the very outcome the same ballots give in an open vote of that method.
 */
class SecretVotesOfEveryMethodTest {

    @ParameterizedTest
    @EnumSource(value = VoteMethod.class, names = {"CONSENT", "APPROVAL", "SCORE", "RANKED", "BUDGET"})
    void aClosedSecretVoteRevealsEachMembersLastBallotAnonymouslyAndRecordsTheOpenCountsOutcome(VoteMethod method) {
        VotesOfEveryMethod.Held open = VotesOfEveryMethod.hold(method, Secrecy.OPEN);
        VotesOfEveryMethod.Held secret = VotesOfEveryMethod.hold(method, Secrecy.SECRET);

        assertThat(secret.history()).as("no ballot in clear").noneMatch(BallotCast.class::isInstance);
        List<RevealedBallot> revealed = secret.closing().stream().filter(SecretBallotsRevealed.class::isInstance)
                .map(SecretBallotsRevealed.class::cast).flatMap(page -> page.ballots().stream()).toList();
        assertThat(revealed).isEqualTo(VotesOfEveryMethod.expectedRevealed(method));
        assertThat(revealed.toString()).as("no member in a revealed ballot")
                .doesNotContain(VotesOfEveryMethod.ALICE_M.value()).doesNotContain(VotesOfEveryMethod.BOB_M.value())
                .doesNotContain(VotesOfEveryMethod.DAVE_M.value()).doesNotContain(VotesOfEveryMethod.ERIN_M.value());

        // the decision, and for BUDGET the allocations, as the open vote of the same ballots records them
        List<Object> openDecision = open.closing().stream().filter(e -> !(e instanceof DelegationsFrozen)).toList();
        List<Object> secretDecision = secret.closing().stream().filter(e -> !(e instanceof SecretBallotsRevealed)).toList();
        assertThat(secretDecision).isEqualTo(openDecision);
        VotingClosed closed = (VotingClosed) secretDecision.get(0);
        assertThat(closed.outcome()).as("a decided vote, not an empty one").isNotEqualTo(Outcome.NO_QUORUM);
    }

    @ParameterizedTest
    @EnumSource(value = VoteMethod.class, names = {"CONSENT", "APPROVAL", "SCORE", "RANKED", "BUDGET"})
    void everySealedBallotOfASecretVoteHasOneLengthWhateverItHolds(VoteMethod method) {
        List<Integer> lengths = VotesOfEveryMethod.hold(method, Secrecy.SECRET).history().stream()
                .filter(SecretBallotCast.class::isInstance).map(e -> ((SecretBallotCast) e).sealed().length()).toList();
        assertThat(lengths).hasSize(5).containsOnly(lengths.get(0));
    }

    @ParameterizedTest
    @EnumSource(value = ConsentChoice.class, names = {"CONSENT", "STAND_ASIDE"})
    void inASecretConsentVoteOnlyAnObjectionCarriesAReason(ConsentChoice choice) {
        var fixture = VotesOfEveryMethod.fixture();
        List<Object> opened = VotesOfEveryMethod.opened(fixture, VoteMethod.CONSENT, Secrecy.SECRET);
        fixture.given(opened)
                .when(new CastBallot(VotesOfEveryMethod.P, VotesOfEveryMethod.BOB_M, null, null, null,
                        "As the baker I am fine with it", choice, null, VotesOfEveryMethod.tagOf(0)), java.util.Map.of("actor", "acc-bob"))
                .expectException(ProposalTest.field("reason")).expectNoEvents();
    }
}
