package io.yunqiao.schedule;

import io.yunqiao.connector.TimeFormat;
import io.yunqiao.solution.Solution;
import io.yunqiao.solution.SolutionDeleted;
import io.yunqiao.solution.SolutionRepository;
import io.yunqiao.solution.SolutionSaved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps one Quartz cron trigger per enabled solution, in Beijing time. Misfire policy: a fire missed while the
 * platform was down or busy is dropped (do nothing), and the solution runs at its next fire time; the window still
 * starts at the checkpoint, so nothing is lost.
 */
@Service
public class SolutionScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(SolutionScheduler.class);
    private static final String GROUP = "solutions";

    private final Scheduler scheduler;
    private final SolutionRepository solutions;

    SolutionScheduler(Scheduler scheduler, SolutionRepository solutions) {
        this.scheduler = scheduler;
        this.solutions = solutions;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void on(SolutionSaved saved) {
        apply(saved.solutionId(), saved.enabled(), saved.cron());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void on(SolutionDeleted deleted) {
        apply(deleted.solutionId(), false, null);
    }

    /**
     * Brings Quartz in line with the solutions table at start (e.g. after a restore of the database). Each solution
     * is read again just before its trigger is changed: another node may save it meanwhile, and a stale read here
     * would undo that node's schedule.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void reconcile() {
        List<Long> ids = solutions.findAll().stream().map(Solution::getId).toList();
        for (long id : ids) {
            solutions.findById(id).ifPresent(s -> apply(s.getId(), s.isEnabled(), s.getCron()));
        }
        LOG.info("schedules of {} solutions reconciled with Quartz", ids.size());
    }

    private void apply(long solutionId, boolean enabled, String cron) {
        JobKey job = JobKey.jobKey("solution-" + solutionId, GROUP);
        TriggerKey triggerKey = TriggerKey.triggerKey("solution-" + solutionId, GROUP);
        try {
            if (!enabled || cron == null || cron.isBlank()) {
                if (scheduler.checkExists(job)) {
                    scheduler.deleteJob(job);
                    LOG.info("solution {} unscheduled", solutionId);
                }
                return;
            }
            JobDetail detail = JobBuilder.newJob(SolutionJob.class).withIdentity(job)
                    .usingJobData(SolutionJob.SOLUTION_ID, solutionId).storeDurably().requestRecovery().build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey).forJob(job)
                    .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(
                            TimeFormat.ZONE)).withMisfireHandlingInstructionDoNothing())
                    .build();
            scheduler.addJob(detail, true);
            if (scheduler.checkExists(triggerKey)) {
                Trigger existing = scheduler.getTrigger(triggerKey);
                if (existing instanceof org.quartz.CronTrigger current && cron.equals(current.getCronExpression())) {
                    return;
                }
                scheduler.rescheduleJob(triggerKey, trigger);
            } else {
                scheduler.scheduleJob(trigger);
            }
            LOG.info("solution {} scheduled with cron '{}' (Asia/Shanghai)", solutionId, cron);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refused the schedule of solution " + solutionId + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Pauses every solution's trigger, in Quartz's tables: every node of the cluster reads them, and a trigger
     * added to the group later (a solution saved or switched on meanwhile) is stored paused too. Joins the caller's
     * transaction (Spring's job store uses the application's data source).
     */
    void pauseSchedules() {
        try {
            scheduler.pauseTriggers(GroupMatcher.triggerGroupEquals(GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refused to pause the schedules: " + e.getMessage(), e);
        }
    }

    /**
     * Lets every solution's trigger fire again. A fire time missed meanwhile is dropped (the triggers' misfire
     * policy), so the end of a long pause starts no burst of runs: each solution runs at its next fire time.
     */
    void resumeSchedules() {
        try {
            scheduler.resumeTriggers(GroupMatcher.triggerGroupEquals(GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refused to resume the schedules: " + e.getMessage(), e);
        }
    }

    /** Whether the solutions' trigger group is paused in Quartz's tables. */
    boolean schedulesPaused() {
        try {
            return scheduler.getPausedTriggerGroups().contains(GROUP);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not tell its paused groups: " + e.getMessage(), e);
        }
    }

    /** Whether the solution's trigger exists and is paused (the maintenance mode). */
    public boolean isPaused(long solutionId) {
        try {
            return scheduler.getTriggerState(TriggerKey.triggerKey("solution-" + solutionId, GROUP))
                    == Trigger.TriggerState.PAUSED;
        } catch (SchedulerException e) {
            return false;
        }
    }

    /**
     * When the solution's trigger fires next, if it is scheduled and not paused: a paused trigger (the maintenance
     * mode) keeps a next fire time that it will not keep.
     */
    public Optional<Instant> nextFireTime(long solutionId) {
        try {
            TriggerKey key = TriggerKey.triggerKey("solution-" + solutionId, GROUP);
            Trigger trigger = scheduler.getTrigger(key);
            if (trigger == null || scheduler.getTriggerState(key) == Trigger.TriggerState.PAUSED) {
                return Optional.empty();
            }
            return Optional.ofNullable(trigger.getNextFireTime()).map(Date::toInstant);
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    /** The next fire times of a cron expression in Beijing time, for previews. */
    public static List<Instant> nextFireTimes(String cron, Instant from, int count) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(TimeFormat.ZONE));
            List<Instant> times = new ArrayList<>();
            Date next = Date.from(from);
            for (int i = 0; i < count && (next = expression.getNextValidTimeAfter(next)) != null; i++) {
                times.add(next.toInstant());
            }
            return times;
        } catch (java.text.ParseException e) {
            return List.of();
        }
    }
}
