package coop.plenum.governance.cooperative.command;

import coop.plenum.governance.cooperative.CooperativeFacts;
import coop.plenum.governance.voting.DelegationTimeline;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.util.List;
import java.util.function.Supplier;

/** A Cooperative aggregate sourced from the given events, for tests of other features that read its facts. */
public final class CooperativeFromEvents {

    private static final AggregateModel<Cooperative> MODEL = AnnotatedAggregateMetaModelFactory.inspectAggregate(Cooperative.class);

    private final Cooperative cooperative = new Cooperative();

    public CooperativeFromEvents(Object... events) {
        for (Object event : events) {
            recorded(event);
        }
    }

    /** The cooperative's next event, applied by its event-sourcing handler. */
    public CooperativeFromEvents recorded(Object event) {
        MODEL.publish(GenericEventMessage.asEventMessage(event), cooperative);
        return this;
    }

    /** Its facts, before any change in its delegation register. */
    public CooperativeFacts facts() {
        return cooperative.facts();
    }

    /** Its facts, with the changes its delegation register recorded. */
    public CooperativeFacts facts(Supplier<List<DelegationTimeline.Change>> registered) {
        return cooperative.facts(registered);
    }
}
