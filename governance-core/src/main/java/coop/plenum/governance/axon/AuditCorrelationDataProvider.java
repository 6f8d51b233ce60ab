package coop.plenum.governance.axon;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Stamps every message produced while handling another with the acting account, the correlation id of the whole
 * request and the id of the message that caused it, so an auditor can follow any event back to who asked for it.
 */
class AuditCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> cause) {
        Map<String, Object> data = new HashMap<>();
        Object actor = cause.getMetaData().get(EventMetadata.ACTOR);
        Object correlation = cause.getMetaData().get(EventMetadata.CORRELATION_ID);
        data.put(EventMetadata.ACTOR, actor == null ? EventMetadata.SYSTEM : actor);
        data.put(EventMetadata.CORRELATION_ID, correlation == null ? cause.getIdentifier() : correlation);
        data.put(EventMetadata.CAUSATION_ID, cause.getIdentifier());
        return data;
    }
}
