package coop.plenum.governance.axon;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.modelling.saga.AbstractSagaManager;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.lang.reflect.Method;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Whether a processing group's handlers take an event of a payload type, asked of the processor itself (the same
 * answer {@link ReadModelCatchUp} uses to decide whom a command's read-your-writes waits for). The processor is looked
 * up on first use, once it runs: it does not exist yet when its configuration is registered. Until it is found, every
 * type counts as handled, which only means a prompt wake. A saga is asked through its handler methods.
 */
final class HandledPayloadTypes implements Predicate<Class<?>> {

    private final Configuration configuration;
    private final String group;
    private final Map<Class<?>, Boolean> answers = new ConcurrentHashMap<>();
    private volatile EventProcessor processor;

    HandledPayloadTypes(Configuration configuration, String group) {
        this.configuration = configuration;
        this.group = group;
    }

    @Override
    public boolean test(Class<?> payloadType) {
        EventProcessor known = processor();
        if (known == null) {
            return true;
        }
        return answers.computeIfAbsent(payloadType, type -> handles(known, type));
    }

    /**
     * Whether {@code processor}'s handlers take {@code payloadType}: the one rule for the commit relay and for
     * read-your-writes. A processor that cannot say counts as handling everything.
     */
    static boolean handles(EventProcessor processor, Class<?> payloadType) {
        if (!(processor instanceof AbstractEventProcessor known)) {
            return true;
        }
        return invokerHandles(known.eventHandlerInvoker(), payloadType);
    }

    private static boolean invokerHandles(EventHandlerInvoker invoker, Class<?> payloadType) {
        if (invoker instanceof MultiEventHandlerInvoker several) {
            return several.delegates().stream().anyMatch(one -> invokerHandles(one, payloadType));
        }
        if (invoker instanceof AbstractSagaManager<?> saga) {
            // a saga manager answers "yes" for every type (it decides by association, per event): ask its handlers
            return sagaHandles(saga.getSagaType(), payloadType);
        }
        return invoker.canHandleType(payloadType);
    }

    /** Whether one of the saga's {@code @SagaEventHandler} methods takes {@code payloadType}; unsure counts as yes. */
    static boolean sagaHandles(Class<?> sagaType, Class<?> payloadType) {
        for (Class<?> type = sagaType; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                SagaEventHandler handler = AnnotatedElementUtils.findMergedAnnotation(method, SagaEventHandler.class);
                if (handler == null) {
                    continue;
                }
                Class<?> takes = handler.payloadType() != Object.class ? handler.payloadType()
                        : method.getParameterCount() > 0 ? method.getParameterTypes()[0] : Object.class;
                if (takes.isAssignableFrom(payloadType)) {
                    return true;
                }
            }
        }
        return false;
    }

    private EventProcessor processor() {
        EventProcessor known = processor;
        if (known == null) {
            Optional<EventProcessor> found = configuration.eventProcessingConfiguration().eventProcessor(group);
            if (found.isPresent()) {
                processor = known = found.get();
            }
        }
        return known;
    }
}
