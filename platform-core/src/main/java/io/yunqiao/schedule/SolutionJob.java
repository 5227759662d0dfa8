package io.yunqiao.schedule;

import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job of one solution: runs it to the end in Quartz's worker thread. Quartz never starts a second
 * execution of the same job while one runs, on any node of the cluster; a run started elsewhere (run now) meanwhile
 * is recorded as SKIPPED by the engine's lock.
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
        if (engine.stopping()) {
            // fired just before this node's scheduler went to standby for a stop: the next fire, on whichever node
            // runs, does the work
            return;
        }
        // Quartz re-fires the job of a node that died while running it (the job requests recovery): that run is
        // taken over by this one
        engine.runNow(solutionId, context.isRecovering() ? RunTrigger.RECOVERY : RunTrigger.SCHEDULE, false);
    }
}
