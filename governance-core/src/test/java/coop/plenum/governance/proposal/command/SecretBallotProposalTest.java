package coop.plenum.governance.proposal.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.power.AcceptedPoints;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.governance.proposal.CloseVoting;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.proposal.OpenVoting;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.ProposalSubmitted;
import coop.plenum.governance.proposal.RetractBallot;
import coop.plenum.governance.proposal.RevealedBallot;
import coop.plenum.governance.proposal.SecretBallotCast;
import coop.plenum.governance.proposal.SecretBallotRetracted;
import coop.plenum.governance.proposal.SecretBallotsRevealed;
import coop.plenum.governance.proposal.Secrecy;
import coop.plenum.governance.proposal.SubmitProposal;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.proposal.secret.InMemorySecretBallotKeys;
import coop.plenum.governance.proposal.secret.ReceiptTags;
import coop.plenum.governance.proposal.secret.SealedBallots;
import coop.plenum.governance.proposal.secret.SecretBallotBody;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.governance.voting.Delegations;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.StateConflict;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static coop.plenum.governance.proposal.command.ProposalTest.field;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Voting methods", {@code secrecy: SECRET}, rule by rule on the Proposal aggregate. */
class SecretBallotProposalTest {

    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    private static final CooperativeId COOP = new CooperativeId("coop-1");
    private static final ProposalId P = new ProposalId("p-1");
    private static final AccountId ALICE = new AccountId("acc-alice");
    private static final AccountId BOB = new AccountId("acc-bob");
    private static final MemberId ALICE_M = new MemberId("m-alice");
    private static final MemberId BOB_M = new MemberId("m-bob");
    private static final BigDecimal ONE = new BigDecimal("1.000000");
    private static final String ALICE_TAG = ReceiptTags.tag(P, "alice-receipt-secret-0001");
    private static final String BOB_TAG = ReceiptTags.tag(P, "bob-receipt-secret-000001");

    private AggregateTestFixture<Proposal> fixture;
    private final ProposalTest.FakeCooperative coop = new ProposalTest.FakeCooperative();
    private final InMemorySecretBallotKeys keys = new InMemorySecretBallotKeys();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((coop.plenum.governance.cooperative.CooperativeFactsSource) id -> coop);
        fixture.registerInjectableResource((AcceptedPoints) (c, m, asOf, from) -> BigDecimal.ZERO);
        fixture.registerInjectableResource(keys);
    }

    private static Map<String, ?> by(AccountId actor) {
        return Map.of("actor", actor.value());
    }

    private static SubmitProposal submit(VoteMethod method, Secrecy secrecy) {
        return new SubmitProposal(P, COOP, "Solar roof", "", "energy", ProposalKind.GENERAL, null, null, null, method,
                null, null, method == VoteMethod.ELECTION ? Map.of("workers", 1) : null, null, secrecy);
    }

    private static ProposalSubmitted submitted(Secrecy secrecy) {
        return new ProposalSubmitted(P, COOP, BOB_M, BOB, "Solar roof", "", "energy", ProposalKind.GENERAL, null,
                null, null, NOW, VoteMethod.YES_NO, null, null, null, null, secrecy);
    }

    private VotingOpened opened() {
        Charter charter = coop.charterAsOf(NOW);
        return new VotingOpened(P, COOP, "energy", NOW, charter.classes(), charter.decision(), charter.delegation(),
                List.of(new ElectorateMember(ALICE_M, ALICE, "workers", ONE), new ElectorateMember(BOB_M, BOB, "users", ONE)),
                VoteMethod.YES_NO, null, null, null, null, null, Secrecy.SECRET);
    }

    private SecretBallotCast sealed(MemberId member, Choice choice, String tag) {
        byte[] key = keys.create(P);
        return new SecretBallotCast(P, member, NOW, SealedBallots.seal(key, P, member,
                SealedBallots.paddedLength(VoteMethod.YES_NO, List.of()),
                new SecretBallotBody(tag, choice, null, null, null, null, null), new SecureRandom()));
    }

    private static CastBallot cast(MemberId member, Choice choice, String tag, String reason) {
        return new CastBallot(P, member, choice, null, null, reason, null, null, tag);
    }

    /** Collects the events a command applied, to look into them. */

    @Test
    void aSecretProposalRecordsItsSecrecyAndAnOpenOneRecordsNone() {
        fixture.givenNoPriorActivity().when(submit(null, Secrecy.SECRET), by(BOB)).expectEvents(submitted(Secrecy.SECRET));
        fixture.givenNoPriorActivity().when(submit(null, Secrecy.OPEN), by(BOB)).expectEvents(submitted(null));
    }

    @Test
    void votesAboutPeopleAreSecretUnlessTheProposalOrTheCharterSaysOtherwise() {
        coop.plenum.governance.proposal.ProposalEffect admitCara = new coop.plenum.governance.proposal.ProposalEffect(null,
                new MemberId("m-cara"));
        SubmitProposal admission = new SubmitProposal(P, COOP, "Admit Cara", "", "energy", ProposalKind.ADMISSION, admitCara,
                null, null, null, null, null, null, null, null);
        fixture.givenNoPriorActivity().when(admission, by(ALICE)).expectEvents(new ProposalSubmitted(P, COOP, ALICE_M, ALICE,
                "Admit Cara", "", "energy", ProposalKind.ADMISSION, admitCara, null, null, NOW, VoteMethod.YES_NO, null, null,
                null, null, Secrecy.SECRET));
        Charter charter = coop.charterAsOf(NOW);
        Charter openPeopleVotes = new Charter(charter.classes(), charter.topics(), charter.decision(), charter.votingPower(),
                charter.delegation(), charter.admission(), charter.ledger(), false);
        assertThat(SecretBallotRules.secrecyOf(admission, charter)).isEqualTo(Secrecy.SECRET);
        assertThat(SecretBallotRules.secrecyOf(admission, openPeopleVotes)).isEqualTo(Secrecy.OPEN);
        SubmitProposal openAdmission = new SubmitProposal(P, COOP, "Admit Cara", "", "energy", ProposalKind.ADMISSION, admitCara,
                null, null, null, null, null, null, null, Secrecy.OPEN);
        assertThat(SecretBallotRules.secrecyOf(openAdmission, charter)).isEqualTo(Secrecy.OPEN);
        SubmitProposal expulsion = new SubmitProposal(P, COOP, "Expel Bob", "", "energy", ProposalKind.EXPULSION,
                new coop.plenum.governance.proposal.ProposalEffect(null, BOB_M), null, null, null, null, null, null, null, null);
        assertThat(SecretBallotRules.secrecyOf(expulsion, charter)).isEqualTo(Secrecy.SECRET);
        assertThat(SecretBallotRules.secrecyOf(submit(null, null), charter)).as("any other vote").isEqualTo(Secrecy.OPEN);
    }

    @Test
    void anElectionCannotBeSecret() {
        fixture.givenNoPriorActivity().when(submit(VoteMethod.ELECTION, Secrecy.SECRET), by(BOB))
                .expectException(field("secrecy")).expectNoEvents();
    }

    @Test
    void openingASecretVotePinsItsSecrecyAndMakesItsKeyOutsideTheLog() {
        fixture.given(submitted(Secrecy.SECRET)).when(new OpenVoting(P), by(ALICE)).expectEvents(opened());
        assertThat(keys.key(P)).isPresent();
    }

    @Test
    void aSecretBallotIsRecordedSealedWithTheMemberPublicAndTheChoiceOnlyInsideTheSeal() {
        AppliedEvents applied = new AppliedEvents();
        keys.create(P); // made by the opening command, which a given VotingOpened stands for
        fixture.given(submitted(Secrecy.SECRET), opened())
                .when(cast(ALICE_M, Choice.ABSTAIN, ALICE_TAG, null), by(ALICE)).expectEventsMatching(applied);
        SecretBallotCast event = (SecretBallotCast) applied.payloads.get(0);
        assertThat(event.memberId()).isEqualTo(ALICE_M);
        assertThat(event.sealed()).doesNotContain("ABSTAIN").doesNotContain(ALICE_TAG);
        SecretBallotBody body = SealedBallots.open(keys.key(P).orElseThrow(), P, ALICE_M, event.sealed());
        assertThat(body.choice()).isEqualTo(Choice.ABSTAIN);
        assertThat(body.tag()).isEqualTo(ALICE_TAG);
    }

    @Test
    void sealedBallotsOfEveryChoiceHaveOneLengthSoTheLengthTellsNothing() {
        List<Integer> lengths = new ArrayList<>();
        for (Choice choice : Choice.values()) {
            lengths.add(sealed(ALICE_M, choice, ALICE_TAG).sealed().length());
        }
        assertThat(lengths).containsOnly(lengths.get(0));
    }

    @Test
    void aSecretBallotNeedsAWellFormedReceiptTag() {
        keys.create(P);
        fixture.given(submitted(Secrecy.SECRET), opened()).when(cast(ALICE_M, Choice.YES, null, null), by(ALICE))
                .expectException(field("receiptTag")).expectNoEvents();
        fixture.given(submitted(Secrecy.SECRET), opened()).when(cast(ALICE_M, Choice.YES, "not-a-tag", null), by(ALICE))
                .expectException(field("receiptTag")).expectNoEvents();
    }

    @Test
    void aSecretBallotCarriesNoReasonThatCouldNameItsVoter() {
        keys.create(P);
        fixture.given(submitted(Secrecy.SECRET), opened()).when(cast(ALICE_M, Choice.YES, ALICE_TAG, "As the treasurer I say yes"), by(ALICE))
                .expectException(field("reason")).expectNoEvents();
    }

    @Test
    void aMemberRetractsTheirSecretBallotWhileOpenAndOnlyOneTheyCast() {
        fixture.given(submitted(Secrecy.SECRET), opened(), sealed(ALICE_M, Choice.YES, ALICE_TAG))
                .when(new RetractBallot(P, ALICE_M), by(ALICE))
                .expectEvents(new SecretBallotRetracted(P, ALICE_M, NOW));
        fixture.given(submitted(Secrecy.SECRET), opened()).when(new RetractBallot(P, BOB_M), by(BOB))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void aMemberRecastsTheirSecretBallotWhileOpenAndNeitherRecastsNorRetractsOnceClosed() {
        // issue 15: "while the vote is open a member may recast or retract"; a sealed ballot standing does not stop a
        // new one, whose seal holds the new choice under a new receipt
        String secondTag = ReceiptTags.tag(P, "alice-second-secret-00001");
        AppliedEvents applied = new AppliedEvents();
        fixture.given(submitted(Secrecy.SECRET), opened(), sealed(ALICE_M, Choice.YES, ALICE_TAG))
                .when(cast(ALICE_M, Choice.NO, secondTag, null), by(ALICE)).expectEventsMatching(applied);
        assertThat(applied.payloads).hasSize(1);
        SecretBallotCast recast = (SecretBallotCast) applied.payloads.get(0);
        SecretBallotBody body = SealedBallots.open(keys.key(P).orElseThrow(), P, ALICE_M, recast.sealed());
        assertThat(body.choice()).isEqualTo(Choice.NO);
        assertThat(body.tag()).isEqualTo(secondTag);

        // once closed, the revealed ballot is final: no recast, no retraction
        VotingClosed closed = new VotingClosed(P, NOW, Outcome.NO_QUORUM, null);
        fixture.given(submitted(Secrecy.SECRET), opened(), sealed(ALICE_M, Choice.YES, ALICE_TAG), closed)
                .when(cast(ALICE_M, Choice.NO, secondTag, null), by(ALICE))
                .expectException(votingNotOpen()).expectNoEvents();
        fixture.given(submitted(Secrecy.SECRET), opened(), sealed(ALICE_M, Choice.YES, ALICE_TAG), closed)
                .when(new RetractBallot(P, ALICE_M), by(ALICE))
                .expectException(votingNotOpen()).expectNoEvents();
    }

    /** Refused because the vote is closed (not for some other reason, such as the ballot being gone). */
    private static org.hamcrest.Matcher<Object> votingNotOpen() {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object item) {
                return item instanceof StateConflict conflict && conflict.code().equals("ballot.voting-not-open");
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("StateConflict ballot.voting-not-open");
            }
        };
    }

    @Test
    void closingRevealsTheLastBallotsWithoutMembersInTagOrderCountsThemAndDestroysTheKey() {
        // alice first votes NO, then YES: the last counts; bob votes YES
        SecretBallotCast aliceFirst = sealed(ALICE_M, Choice.NO, ReceiptTags.tag(P, "alice-first-secret-000001"));
        SecretBallotCast aliceLast = sealed(ALICE_M, Choice.YES, ALICE_TAG);
        SecretBallotCast bob = sealed(BOB_M, Choice.YES, BOB_TAG);
        List<RevealedBallot> expected = new ArrayList<>(List.of(
                new RevealedBallot(ALICE_TAG, "workers", ONE, Choice.YES, null, null, null, null, null),
                new RevealedBallot(BOB_TAG, "users", ONE, Choice.YES, null, null, null, null, null)));
        expected.sort(Comparator.comparing(RevealedBallot::tag));
        fixture.given(submitted(Secrecy.SECRET), opened(), aliceFirst, bob, aliceLast)
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(new SecretBallotsRevealed(P, 1, 1, expected), new VotingClosed(P, NOW, Outcome.ACCEPTED, "1/1"));
        assertThat(keys.key(P)).isEmpty();
        assertThat(keys.size()).isZero();
    }

    @Test
    void aRetractedSecretBallotIsNotRevealedNorCounted() {
        fixture.given(submitted(Secrecy.SECRET), opened(), sealed(ALICE_M, Choice.YES, ALICE_TAG),
                        new SecretBallotRetracted(P, ALICE_M, NOW))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(new SecretBallotsRevealed(P, 1, 1, List.of()), new VotingClosed(P, NOW, Outcome.NO_QUORUM, null));
    }

    @Test
    void delegationIsOffInASecretVoteNothingIsFrozenAndADelegatorsPowerIsNotCarried() {
        // bob (users) delegated to alice for energy: in an open vote users would approve 1/1 through her (ProposalTest)
        coop.delegations = new Delegations(Map.of(BOB_M, Map.of("energy", ALICE_M)));
        fixture.given(submitted(Secrecy.SECRET), opened(), sealed(ALICE_M, Choice.YES, ALICE_TAG))
                .when(new CloseVoting(P), by(ALICE))
                .expectEvents(new SecretBallotsRevealed(P, 1, 1,
                                List.of(new RevealedBallot(ALICE_TAG, "workers", ONE, Choice.YES, null, null, null, null, null))),
                        new VotingClosed(P, NOW, Outcome.NO_QUORUM, "1/1"));
        assertThat(coop.delegationsAskedAsOf).isNull();
    }

    @Test
    void aSecretVoteWhoseKeyIsGoneRefusesBallotsAndCannotBeCountedSilently() {
        SecretBallotCast alice = sealed(ALICE_M, Choice.YES, ALICE_TAG);
        keys.destroy(P);
        fixture.given(submitted(Secrecy.SECRET), opened(), alice).when(cast(BOB_M, Choice.NO, BOB_TAG, null), by(BOB))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(submitted(Secrecy.SECRET), opened(), alice).when(new CloseVoting(P), by(ALICE))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void theSnapshotKeepsSecrecyAndSealedBallotsSoALoadedProposalClosesAlike() {
        Proposal proposal = new Proposal();
        proposal.on(submitted(Secrecy.SECRET));
        proposal.on(opened());
        proposal.on(sealed(ALICE_M, Choice.YES, ALICE_TAG));
        ProposalSnapshot snapshot = proposal.snapshot();
        assertThat(snapshot.secrecy()).isEqualTo(Secrecy.SECRET);
        assertThat(snapshot.sealedBallots()).extracting(ProposalSnapshot.SealedBallotOf::memberId).containsExactly(ALICE_M);
        Proposal restored = new Proposal();
        restored.on(snapshot);
        assertThat(restored.snapshot()).isEqualTo(snapshot);
    }
}
