package coop.plenum.governance.notification.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.axon.EventMetadata;
import coop.plenum.governance.notification.AnnounceVotingClosingSoon;
import coop.plenum.governance.notification.InboxIds;
import coop.plenum.governance.notification.NonVotersReminded;
import coop.plenum.governance.notification.RemindNonVoters;
import coop.plenum.governance.notification.VotingClosingSoonAnnounced;
import coop.plenum.kernel.StateConflict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The reminders sent for one proposal's vote: a secretary's at most once a day (UTC), the scheduler's "closing in 24
 * hours" once. Who is reminded is decided by the caller from the read side at that moment and recorded in the event.
 */
@Aggregate
class VoteReminders {

    @AggregateIdentifier
    private String remindersId;
    private LocalDate lastReminderDay;
    private boolean closingSoonAnnounced;

    VoteReminders() {
        // for Axon's event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RemindNonVoters command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        atMostOneReminderPerVotePerDay(today);
        apply(new NonVotersReminded(command.proposalId(), command.cooperativeId(), new AccountId(actor), today,
                command.nonVoters(), now));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AnnounceVotingClosingSoon command, Clock clock) {
        if (closingSoonAnnounced) {
            throw new StateConflict("reminder.closing-soon-announced", "this vote's closing was already announced");
        }
        apply(new VotingClosingSoonAnnounced(command.proposalId(), command.cooperativeId(), command.closesAt(),
                command.nonVoters(), command.shortfalls(), clock.instant()));
    }

    private void atMostOneReminderPerVotePerDay(LocalDate today) {
        if (today.equals(lastReminderDay)) {
            throw new StateConflict("reminder.already-sent-today",
                    "those who have not voted were already reminded today (UTC); try again tomorrow");
        }
    }

    @EventSourcingHandler
    void on(NonVotersReminded event) {
        remindersId = InboxIds.reminders(event.proposalId());
        lastReminderDay = event.day();
    }

    @EventSourcingHandler
    void on(VotingClosingSoonAnnounced event) {
        remindersId = InboxIds.reminders(event.proposalId());
        closingSoonAnnounced = true;
    }

    private static void apply(Object event) {
        org.axonframework.modelling.command.AggregateLifecycle.apply(event);
    }
}
