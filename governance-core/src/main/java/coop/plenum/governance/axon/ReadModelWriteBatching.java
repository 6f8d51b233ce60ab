package coop.plenum.governance.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Decides, event by event, whether a read-model group's writes may be queued ({@link ReadModelWrites}) and flushes
 * the queue: before any event whose handlers write directly, and after the last event of the batch, before its
 * token is stored.
 * <p>
 * A poison write must not stall the processor: if a bulk write fails, the batch is rolled back and retried from its
 * token, and every event up to the failed batch's last one is then projected with its writes made at once, inside
 * its handler, where a failure parks just that event's aggregate in the dead-letter queue as any other does.
 */
public final class ReadModelWriteBatching implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ReadModelWriteBatching.class);

    private final String group;
    private final ReadModelWrites writes;
    private volatile long writeThroughUntil = -1;

    public ReadModelWriteBatching(String group, ReadModelWrites writes) {
        this.group = group;
        this.writes = writes;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
            return chain.proceed();
        }
        EventMessage<?> event = unitOfWork.getMessage();
        long position = position(event);
        ReadModelWrites.Pending pending = unitOfWork.getOrComputeResource(ReadModelWrites.PENDING + ".queue",
                key -> writes.newPending());
        boolean queue = writes.batchable(group, event.getPayloadType()) && position > writeThroughUntil;
        if (!queue) {
            flush(pending, position);
        }
        // handlers find the queue only while their writes may wait
        if (queue) {
            unitOfWork.resources().put(ReadModelWrites.PENDING, pending);
        } else {
            unitOfWork.resources().remove(ReadModelWrites.PENDING);
        }
        Object result = chain.proceed();
        if (batch.isLastMessage()) {
            unitOfWork.resources().remove(ReadModelWrites.PENDING);
            flush(pending, lastPosition(batch, position));
        }
        return result;
    }

    private void flush(ReadModelWrites.Pending pending, long upTo) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            pending.flush();
        } catch (RuntimeException e) {
            writeThroughUntil = Math.max(writeThroughUntil, upTo);
            log.warn("A bulk write of {} failed ({}); its batch is retried with each event's writes made in its own handler",
                    group, e.toString());
            throw e;
        }
    }

    private static long lastPosition(BatchingUnitOfWork<?> batch, long fallback) {
        long last = fallback;
        for (Object message : batch.getMessages()) {
            last = Math.max(last, message instanceof EventMessage<?> event ? position(event) : -1);
        }
        return last;
    }

    private static long position(EventMessage<?> event) {
        return event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(Long.MAX_VALUE) : Long.MAX_VALUE;
    }
}
