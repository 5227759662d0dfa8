package io.yunqiao.retention;

import io.yunqiao.connector.TimeFormat;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the one Quartz trigger of the clean-up in line with {@code yunqiao.retention.cron} at each start (Beijing
 * time; a fire missed while the platform was down is dropped, the next one cleans up as much). A blank cron removes
 * it: the clean-up then runs only when an administrator asks. Every node of a cluster registers the same job key, so
 * there is one trigger; the node started last decides its cron.
 */
@Component
class HousekeepingSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(HousekeepingSchedule.class);
    static final JobKey JOB = JobKey.jobKey("housekeeping", "platform");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("housekeeping", "platform");

    private final Scheduler scheduler;
    private final RetentionSettings settings;

    HousekeepingSchedule(Scheduler scheduler, RetentionSettings settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void apply() {
        String cron = settings.cron();
        try {
            if (cron == null) {
                if (scheduler.checkExists(JOB)) {
                    scheduler.deleteJob(JOB);
                }
                LOG.info("housekeeping: no scheduled clean-up (yunqiao.retention.cron is blank)");
                return;
            }
            JobDetail detail = JobBuilder.newJob(HousekeepingJob.class).withIdentity(JOB).storeDurably().build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB)
                    .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                            .inTimeZone(TimeZone.getTimeZone(TimeFormat.ZONE)).withMisfireHandlingInstructionDoNothing())
                    .build();
            scheduler.addJob(detail, true);
            Trigger existing = scheduler.getTrigger(TRIGGER);
            if (existing == null) {
                scheduler.scheduleJob(trigger);
            } else if (!(existing instanceof CronTrigger current && cron.equals(current.getCronExpression()))) {
                scheduler.rescheduleJob(TRIGGER, trigger);
            }
            LOG.info("housekeeping: clean-up scheduled with cron '{}' (Asia/Shanghai)", cron);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refused the clean-up's schedule '" + cron + "': " + e.getMessage(),
                    e);
        }
    }
}
