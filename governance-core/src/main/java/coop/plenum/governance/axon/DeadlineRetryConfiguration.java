package coop.plenum.governance.axon;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


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
                .execute((instance, execution) -> ConflictRetry.retrying(cluster.conflictRetries(), () -> {
                    axon.execute(instance, execution);
                    return null;
                }));
    }
}
