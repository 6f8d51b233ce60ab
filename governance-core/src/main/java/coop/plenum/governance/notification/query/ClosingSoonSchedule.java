package coop.plenum.governance.notification.query;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.notification.AnnounceVotingClosingSoon;
import coop.plenum.kernel.StateConflict;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * "Closing in 24 hours": when a vote with a closing time opens, a db-scheduler task (in PostgreSQL, like the vote's own
 * closing deadline, so it survives restarts and runs on one node) is set for a day before it closes. It then records
 * who is not counted and which classes are short of quorum ({@code VotingClosingSoonAnnounced}), which the processor
 * turns into notifications. A vote open for less than a day gets none (its "vote opened" says when it closes).
 */
@Component
class ClosingSoonSchedule {

    static final String TASK = "notification-closing-soon";
    static final Duration AHEAD = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(ClosingSoonSchedule.class);

    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<OneTimeTask<String>> task;
    private final Votes votes;
    private final CommandGateway commands;
    private final Clock clock;

    ClosingSoonSchedule(ObjectProvider<SchedulerClient> scheduler, ObjectProvider<OneTimeTask<String>> task, Votes votes,
                        CommandGateway commands, Clock clock) {
        this.scheduler = scheduler;
        this.task = task;
        this.votes = votes;
        this.commands = commands;
        this.clock = clock;
    }

    /** Sets the reminder for a vote that opened at {@code openedAt} and closes at {@code closesAt} (once per vote). */
    void schedule(String proposalId, Instant closesAt, Instant openedAt) {
        Instant at = closesAt.minus(AHEAD);
        Instant now = clock.instant();
        if (at.isBefore(openedAt) || !closesAt.isAfter(now)) {
            return;
        }
        scheduler.getObject().scheduleIfNotExists(task.getObject().instance(proposalId), at.isBefore(now) ? now : at);
    }

    /** Records who is not counted and which classes are short now, if the vote is still open; false otherwise. */
    boolean announce(String proposalId) {
        return votes.find(proposalId).filter(v -> VoteDocument.VOTING.equals(v.state())).map(vote -> {
            Participation participation = votes.participation(vote);
            try {
                commands.sendAndWait(new AnnounceVotingClosingSoon(new ProposalId(vote.proposalId()),
                        new CooperativeId(vote.cooperativeId()), vote.closesAt(), participation.notCounted(),
                        participation.shortfalls()));
                return true;
            } catch (StateConflict alreadyAnnounced) {
                log.debug("closing of {} already announced", proposalId);
                return false;
            }
        }).orElse(false);
    }

    @Configuration(proxyBeanMethods = false)
    static class TaskConfiguration {

        /** The task instance's id is the proposal's id: one announcement per vote, whichever node schedules it. */
        @Bean
        OneTimeTask<String> notificationClosingSoonTask(ObjectProvider<ClosingSoonSchedule> schedule) {
            return Tasks.oneTime(TASK, String.class)
                    .execute((instance, context) -> schedule.getObject().announce(instance.getId()));
        }
    }

}
