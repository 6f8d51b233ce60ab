package coop.plenum.governance.proposal.effect;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import coop.plenum.governance.cooperative.ApplyDecision;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.proposal.MarkProposalExecuted;
import coop.plenum.governance.proposal.ProposalExecuted;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.ProposalSubmitted;
import coop.plenum.governance.proposal.ProposalWithdrawn;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.tally.Outcome;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Applies the effect of an ACCEPTED proposal exactly once: the charter amendment, admission or expulsion goes to
 * the cooperative, then the proposal is marked EXECUTED. The saga's state and its processor's token live in
 * PostgreSQL and the commands it sends run in the same transaction, so a restart neither loses nor repeats an
 * effect; the cooperative also ignores a decision it already applied.
 */
@Saga
@ProcessingGroup("proposal-effects")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ProposalEffectSaga {

    @JsonIgnore
    private transient CommandGateway commands;

    private ProposalId proposalId;
    private CooperativeId cooperativeId;
    private ProposalKind kind;
    private Charter charter;
    private MemberId memberId;

    @Autowired
    public void setCommands(CommandGateway commands) {
        this.commands = commands;
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "proposalId")
    void on(ProposalSubmitted event) {
        if (event.kind() == ProposalKind.GENERAL) {
            SagaLifecycle.end();
            return;
        }
        proposalId = event.proposalId();
        cooperativeId = event.cooperativeId();
        kind = event.kind();
        charter = event.effect() == null ? null : event.effect().charter();
        memberId = event.effect() == null ? null : event.effect().memberId();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "proposalId")
    void on(ProposalWithdrawn event) {
        // nothing to apply
    }

    @SagaEventHandler(associationProperty = "proposalId")
    void on(VotingClosed event) {
        if (event.outcome() != Outcome.ACCEPTED) {
            SagaLifecycle.end();
            return;
        }
        commands.sendAndWait(new ApplyDecision(cooperativeId, proposalId, kind, charter, memberId));
        commands.sendAndWait(new MarkProposalExecuted(proposalId));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "proposalId")
    void on(ProposalExecuted event) {
        // the effect is applied
    }
}
