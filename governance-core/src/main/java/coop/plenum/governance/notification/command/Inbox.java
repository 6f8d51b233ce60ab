package coop.plenum.governance.notification.command;

import coop.plenum.governance.axon.EventMetadata;
import coop.plenum.governance.notification.InboxIds;
import coop.plenum.governance.notification.MarkNotificationsRead;
import coop.plenum.governance.notification.NotificationAddressSet;
import coop.plenum.governance.notification.NotificationPreferenceSet;
import coop.plenum.governance.notification.NotificationsRead;
import coop.plenum.governance.notification.SetNotificationAddress;
import coop.plenum.governance.notification.SetNotificationPreference;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One account's notification settings and reading: exists from the account's first choice. Only the owner acts on it
 * (an unsubscribe link acts as the owner once its signature is checked).
 */
@Aggregate
class Inbox {

    @AggregateIdentifier
    private String inboxId;

    Inbox() {
        // for Axon's event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetNotificationPreference command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        InboxRules.onlyTheOwner(command.accountId(), actor);
        InboxRules.assertValid(command);
        apply(new NotificationPreferenceSet(command.accountId(), command.kind(), command.delivery(), clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetNotificationAddress command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        InboxRules.onlyTheOwner(command.accountId(), actor);
        apply(new NotificationAddressSet(command.accountId(), InboxRules.addressOrNone(command.email()), clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(MarkNotificationsRead command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        InboxRules.onlyTheOwner(command.accountId(), actor);
        InboxRules.assertValid(command);
        apply(new NotificationsRead(command.accountId(), command.all() ? null : command.notificationIds(), command.all(),
                clock.instant()));
    }

    @EventSourcingHandler
    void on(NotificationPreferenceSet event) {
        inboxId = InboxIds.of(event.accountId());
    }

    @EventSourcingHandler
    void on(NotificationAddressSet event) {
        inboxId = InboxIds.of(event.accountId());
    }

    @EventSourcingHandler
    void on(NotificationsRead event) {
        inboxId = InboxIds.of(event.accountId());
    }
}
