package io.yunqiao.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Scheduler;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Why the clean-up runs on one node of a cluster at a time: one job key for every node, and a job Quartz never runs
 * twice at once (in the clustered JDBC store, across nodes).
 */
class HousekeepingScheduleTest {

    private Scheduler scheduler;

    @BeforeEach
    void scheduler() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "housekeeping-test-" + System.nanoTime());
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        scheduler = new StdSchedulerFactory(properties).getScheduler();
    }

    @AfterEach
    void shutdown() throws Exception {
        scheduler.shutdown();
    }

    private static RetentionSettings cron(String cron) {
        return new RetentionSettings("30", "30", "1", cron, "500", "15");
    }

    @Test
    void quartzNeverStartsTheCleanUpWhileItRuns() {
        assertThat(HousekeepingJob.class.isAnnotationPresent(DisallowConcurrentExecution.class)).isTrue();
    }

    @Test
    void nodesStartingOneAfterTheOtherLeaveOneJobWithOneTriggerAtTheLastNodesCron() throws Exception {
        // given two nodes of a cluster registering the clean-up on the same store
        new HousekeepingSchedule(scheduler, cron("0 30 3 * * ?")).apply();
        new HousekeepingSchedule(scheduler, cron("0 0 4 * * ?")).apply();

        // then there is one job with one trigger, at the cron of the node started last
        assertThat(scheduler.getJobKeys(GroupMatcher.jobGroupEquals("platform"))).containsExactly(
                HousekeepingSchedule.JOB);
        assertThat(scheduler.getTriggersOfJob(HousekeepingSchedule.JOB)).singleElement()
                .isInstanceOfSatisfying(CronTrigger.class, trigger -> {
                    assertThat(trigger.getCronExpression()).isEqualTo("0 0 4 * * ?");
                    assertThat(trigger.getTimeZone().getID()).isEqualTo("Asia/Shanghai");
                });
    }

    @Test
    void aBlankCronRemovesTheScheduledCleanUp() throws Exception {
        new HousekeepingSchedule(scheduler, cron("0 30 3 * * ?")).apply();

        new HousekeepingSchedule(scheduler, cron("-")).apply();

        assertThat(scheduler.checkExists(HousekeepingSchedule.JOB)).isFalse();
    }
}
