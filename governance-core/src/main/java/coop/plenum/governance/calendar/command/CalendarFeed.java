package coop.plenum.governance.calendar.command;

import coop.plenum.governance.axon.EventMetadata;
import coop.plenum.governance.calendar.CalendarFeedIssued;
import coop.plenum.governance.calendar.IssueCalendarFeed;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotAllowed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An account's private calendar feed: issued on first use, regenerated at will, only by the account itself. */
@Aggregate
class CalendarFeed {

    @AggregateIdentifier
    private String feedId;

    CalendarFeed() {
        // for Axon's event sourcing, and created on the first issue
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(IssueCalendarFeed command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        if (command.accountId() == null || !command.accountId().value().equals(actor)
                || !IssueCalendarFeed.feedIdOf(command.accountId()).equals(command.feedId())) {
            throw new NotAllowed("calendar.owner-only", "Only the account itself issues its calendar feed.");
        }
        if (command.tokenHash() == null || !command.tokenHash().matches("[0-9a-f]{64}")) {
            throw new InvalidInput("tokenHash", "calendar.token-hash-invalid", "tokenHash is a hex SHA-256");
        }
        apply(new CalendarFeedIssued(command.feedId(), command.accountId(), command.tokenHash(), clock.instant()));
    }

    @EventSourcingHandler
    void on(CalendarFeedIssued event) {
        this.feedId = event.feedId();
    }
}
