package coop.plenum.governance.proposal.effect;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.cooperative.ApplyDecision;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.proposal.MarkProposalExecuted;
import coop.plenum.governance.proposal.ProposalEffect;
import coop.plenum.governance.proposal.ProposalExecuted;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.ProposalSubmitted;
import coop.plenum.governance.proposal.ProposalWithdrawn;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.tally.Outcome;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

/** The effect of an ACCEPTED proposal is applied once, then the proposal is executed; nothing else triggers it. */
class ProposalEffectSagaTest {

    private static final Instant NOW = Instant.parse("2026-03-09T10:00:00Z");
    private static final ProposalId P = new ProposalId("p-1");
    private static final CooperativeId COOP = new CooperativeId("coop-1");
    private static final MemberId CARA_M = new MemberId("m-cara");

    private SagaTestFixture<ProposalEffectSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ProposalEffectSaga.class);
    }

    private static ProposalSubmitted admission() {
        return new ProposalSubmitted(P, COOP, new MemberId("m-alice"), new AccountId("acc-alice"), "Admit Cara", "", "energy",
                ProposalKind.ADMISSION, new ProposalEffect(null, CARA_M), null, null, NOW);
    }

    @Test
    void anAcceptedAdmissionIsAppliedThenTheProposalIsExecuted() {
        fixture.givenAggregate(P.value()).published(admission())
                .whenAggregate(P.value()).publishes(new VotingClosed(P, NOW, Outcome.ACCEPTED, "1/1"))
                .expectDispatchedCommands(new ApplyDecision(COOP, P, ProposalKind.ADMISSION, null, CARA_M),
                        new MarkProposalExecuted(P))
                .expectActiveSagas(1);
    }

    @Test
    void theSagaEndsOnceTheProposalIsExecuted() {
        fixture.givenAggregate(P.value()).published(admission(), new VotingClosed(P, NOW, Outcome.ACCEPTED, "1/1"))
                .whenAggregate(P.value()).publishes(new ProposalExecuted(P, NOW))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void aRejectedOrUnquorateProposalHasNoEffect() {
        fixture.givenAggregate(P.value()).published(admission())
                .whenAggregate(P.value()).publishes(new VotingClosed(P, NOW, Outcome.NO_QUORUM, null))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void aWithdrawnProposalHasNoEffect() {
        fixture.givenAggregate(P.value()).published(admission())
                .whenAggregate(P.value()).publishes(new ProposalWithdrawn(P, NOW))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void aGeneralProposalNeedsNoSaga() {
        fixture.givenNoPriorActivity()
                .whenAggregate(P.value()).publishes(new ProposalSubmitted(P, COOP, new MemberId("m-alice"), new AccountId("acc-alice"),
                        "Picnic", "", "energy", ProposalKind.GENERAL, null, null, null, NOW))
                .expectActiveSagas(0);
    }
}
