package coop.plenum.governance.axon;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Deadlines (a vote opening or closing on schedule) as Axon runs them through db-scheduler, with one difference: a
 * deadline whose aggregate another node changed at the same moment (a ballot appended while the vote closes, a
 * Cooperative changed since this node cached it) is run again at once on the aggregate freshly loaded from the log,
 * like a command sent through the API. Axon's task would otherwise fail and be retried by db-scheduler 5 minutes
 * later, closing the vote late.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineRetryConfiguration {

    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context, ClusterProperties cluster) {
        Task<DbSchedulerBinaryDeadlineDetails> axon =
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
        return Tasks.oneTime(axon.getName(), DbSchedulerBinaryDeadlineDetails.class)
                .execute((instance, execution) -> {
                    for (int attempt = 0; ; attempt++) {
                        try {
                            axon.execute(instance, execution);
                            return;
                        } catch (RuntimeException failed) {
                            if (attempt >= cluster.conflictRetries() || !isConflict(failed)) {
                                throw failed;
                            }
                            pause(attempt);
                        }
                    }
                });
    }

    private static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, (5L << Math.min(attempt, 4)) + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a deadline", interrupted);
        }
    }
}
