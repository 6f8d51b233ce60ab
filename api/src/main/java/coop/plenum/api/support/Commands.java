package coop.plenum.api.support;

import coop.plenum.governance.axon.CommittedEvents;
import coop.plenum.governance.axon.ConflictRetry;
import coop.plenum.governance.axon.EventMetadata;
import coop.plenum.governance.axon.ReadModelCatchUp;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Ids;
import coop.plenum.kernel.NotFound;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Sends a command on behalf of the caller. Handlers run on the calling thread and write to PostgreSQL, so this
 * happens off the event loop. Commands that know their input bounds are checked first, so bad input is refused with
 * 400 naming the field before any lookup. Afterwards it waits (bounded) for the read models that handle the events
 * the command appended, so the caller's next GET already shows the change, and hands the position of those events
 * to {@link ReadYourWritesPosition} for the answer's {@code X-Plenum-Position}.
 */
@Component
public class Commands {

    private final CommandGateway gateway;
    private final ReadModelCatchUp catchUp;
    private final CommittedEvents committed;
    private final Duration readYourWrites;
    private final int conflictRetries;
    private final BallotGroupCommit ballots;

    Commands(CommandGateway gateway, ReadModelCatchUp catchUp, CommittedEvents committed, BallotGroupCommit ballots,
             @Value("${plenum.api.read-your-writes-timeout:3s}") Duration readYourWrites,
             @Value("${plenum.cluster.conflict-retries:5}") int conflictRetries) {
        this.conflictRetries = Math.max(0, conflictRetries);
        this.ballots = ballots;
        this.gateway = gateway;
        this.catchUp = catchUp;
        this.committed = committed;
        this.readYourWrites = readYourWrites;
    }

    public <R> Mono<R> send(Object command, Caller caller) {
        return Mono.deferContextual(context -> Mono.<R>fromCallable(() -> {
            targetCanExist(command, () -> new NotFound("resource.not-found", "no such resource"));
            return dispatch(command, metaData(caller), context);
        }).subscribeOn(Schedulers.boundedElastic()));
    }

    /**
     * Sends a command to an aggregate that the request addressed under a cooperative ({@code /cooperatives/{c}/…}).
     * The aggregate answers {@code absent} itself when it does not exist or belongs to another cooperative (see
     * {@link EventMetadata#ADDRESSED_COOPERATIVE}), so no read-model lookup precedes the command.
     */
    public <R> Mono<R> sendUnder(String cooperativeId, Object command, Caller caller, Supplier<NotFound> absent) {
        return Mono.deferContextual(context -> Mono.<R>fromCallable(() -> {
            targetCanExist(command, absent);
            try {
                return dispatch(command, metaData(caller).and(EventMetadata.ADDRESSED_COOPERATIVE, cooperativeId), context);
            } catch (RuntimeException failed) {
                if (isAggregateNotFound(failed)) {
                    throw absent.get();
                }
                throw failed;
            }
        }).subscribeOn(Schedulers.boundedElastic()));
    }

    private <R> R dispatch(Object command, MetaData metaData, ContextView context) {
        // the documented bounds, before anything is looked up or stored; the aggregate checks them again
        if (command instanceof CheckedCommand checked) {
            checked.assertInputValid();
        }
        @SuppressWarnings("unchecked") // a CastBallot answers a BallotRecorded, whichever way it is sent
        CommittedEvents.Sent<R> sent = command instanceof CastBallot ballot
                ? (CommittedEvents.Sent<R>) ballots.cast(ballot, metaData)
                : committed.capture(() -> sendRetryingConflicts(command, metaData));
        OptionalLong position = catchUp.awaitWritten(sent.events(), readYourWrites);
        if (position.isPresent() && context.hasKey(ReadYourWritesPosition.Written.class)) {
            context.get(ReadYourWritesPosition.Written.class).wrote(position.getAsLong());
        }
        return sent.result();
    }

    /**
     * Another node sharing the log may append to the same aggregate first; the command is then sent again on the
     * freshly loaded aggregate ({@link ConflictRetry}), so clients never see a conflict another node's write caused.
     */
    private <R> R sendRetryingConflicts(Object command, MetaData metaData) {
        return ConflictRetry.retrying(conflictRetries,
                () -> gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData)));
    }

    private static MetaData metaData(Caller caller) {
        return MetaData.from(Map.of(
                EventMetadata.ACTOR, caller.accountId().value(),
                EventMetadata.CORRELATION_ID, caller.correlationId()));
    }

    private static boolean isAggregateNotFound(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AggregateNotFoundException) {
                return true;
            }
        }
        return false;
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
    private static void targetCanExist(Object command, Supplier<NotFound> absent) {
        if (!command.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            if (isTarget(command.getClass(), component)) {
                Object id = valueOf(component, command);
                if (id != null && !Ids.isWellFormed(id.toString())) {
                    throw absent.get();
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
