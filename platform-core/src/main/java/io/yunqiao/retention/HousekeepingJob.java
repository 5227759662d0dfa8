package io.yunqiao.retention;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The scheduled clean-up as one Quartz job ({@link HousekeepingSchedule#JOB}): in the clustered JDBC store a job
 * key fires on one node only, and with {@link DisallowConcurrentExecution} Quartz never starts it again anywhere in
 * the cluster while it runs, however long a backlog takes.
 */
@DisallowConcurrentExecution
public class HousekeepingJob implements Job {

    private final Housekeeping housekeeping;

    public HousekeepingJob(Housekeeping housekeeping) {
        this.housekeeping = housekeeping;
    }

    @Override
    public void execute(JobExecutionContext context) {
        housekeeping.cleanUp();
    }
}
