package io.yunqiao.web.health;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Ready only while Quartz fires triggers: a node whose scheduler is in standby or shut down serves the UI but runs
 * no solution, which a load balancer or orchestrator should know (readiness group, docs/operations.md).
 */
@Component("scheduler")
class SchedulerHealth implements HealthIndicator {

    private final Scheduler scheduler;

    SchedulerHealth(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Health health() {
        try {
            SchedulerMetaData meta = scheduler.getMetaData();
            Health.Builder health = meta.isStarted() && !meta.isInStandbyMode() && !meta.isShutdown()
                    ? Health.up() : Health.down();
            return health.withDetail("instanceId", meta.getSchedulerInstanceId())
                    .withDetail("clustered", meta.isJobStoreClustered())
                    .withDetail("standby", meta.isInStandbyMode())
                    .withDetail("jobsExecuted", meta.getNumberOfJobsExecuted()).build();
        } catch (SchedulerException e) {
            return Health.down(e).build();
        }
    }
}
