package coop.plenum.api.support;

import coop.plenum.governance.axon.EventMetadata;
import coop.plenum.governance.axon.ReadModelCatchUp;
import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Ids;
import coop.plenum.kernel.NotFound;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Map;

/**
 * Sends a command on behalf of the caller. Handlers run on the calling thread and write to PostgreSQL, so this
 * happens off the event loop. Commands that know their input bounds are checked first, so bad input is refused with
 * 400 naming the field before any lookup. Afterwards it waits (bounded) for the read models, so the caller's next GET
 * already shows the change.
 */
@Component
public class Commands {

    private final CommandGateway gateway;
    private final ReadModelCatchUp catchUp;
    private final Duration readYourWrites;

    Commands(CommandGateway gateway, ReadModelCatchUp catchUp,
             @Value("${plenum.api.read-your-writes-timeout:3s}") Duration readYourWrites) {
        this.gateway = gateway;
        this.catchUp = catchUp;
        this.readYourWrites = readYourWrites;
    }

    public <R> Mono<R> send(Object command, Caller caller) {
        return Mono.<R>fromCallable(() -> {
            // the documented bounds, before anything is looked up or stored; the aggregate checks them again
            targetCanExist(command);
            if (command instanceof CheckedCommand checked) {
                checked.assertInputValid();
            }
            MetaData metaData = MetaData.from(Map.of(
                    EventMetadata.ACTOR, caller.accountId().value(),
                    EventMetadata.CORRELATION_ID, caller.correlationId()));
            R result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            catchUp.awaitCaughtUp(readYourWrites);
            return result;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Sends a command from the platform itself (bootstrap, demo seeding). */
    public <R> R sendAsSystem(Object command) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(EventMetadata.ACTOR, EventMetadata.SYSTEM)));
    }

    /**
     * An aggregate id from the path is looked up in PostgreSQL, which refuses NUL in text (a 500 from the driver);
     * an id that cannot be well formed names nothing, so it is a 404 before the lookup.
     */
    private static void targetCanExist(Object command) {
        if (!command.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            if (isTarget(command.getClass(), component)) {
                Object id = valueOf(component, command);
                if (id != null && !Ids.isWellFormed(id.toString())) {
                    throw new NotFound("resource.not-found", "no such resource");
                }
            }
        }
    }

    private static boolean isTarget(Class<?> type, RecordComponent component) {
        if (component.getAccessor().isAnnotationPresent(TargetAggregateIdentifier.class)) {
            return true;
        }
        try {
            return type.getDeclaredField(component.getName()).isAnnotationPresent(TargetAggregateIdentifier.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static Object valueOf(RecordComponent component, Object command) {
        try {
            return component.getAccessor().invoke(command);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
