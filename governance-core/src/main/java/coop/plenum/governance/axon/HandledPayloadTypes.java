package coop.plenum.governance.axon;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventProcessor;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Whether a processing group's handlers take an event of a payload type, asked of the processor itself (the same
 * answer {@link ReadModelCatchUp} uses to decide whom a command's read-your-writes waits for). The processor is looked
 * up on first use, once it runs: it does not exist yet when its configuration is registered. Until it is found, every
 * type counts as handled, which only means a prompt wake.
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
        return !(processor instanceof AbstractEventProcessor known) || known.eventHandlerInvoker().canHandleType(payloadType);
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
