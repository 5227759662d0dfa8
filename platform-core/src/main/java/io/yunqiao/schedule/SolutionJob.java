package io.yunqiao.schedule;

import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job of one solution: runs it to the end in Quartz's worker thread. Quartz never starts a second
 * execution of the same job while one runs; a trigger that fires meanwhile is recorded as a SKIPPED run by the
 * engine's lock when it comes from elsewhere (run now).
 */
@DisallowConcurrentExecution
public class SolutionJob implements Job {

    static final String SOLUTION_ID = "solutionId";

    private final SyncEngine engine;

    public SolutionJob(SyncEngine engine) {
        this.engine = engine;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long solutionId = context.getMergedJobDataMap().getLong(SOLUTION_ID);
        engine.runNow(solutionId, RunTrigger.SCHEDULE, false);
    }
}
