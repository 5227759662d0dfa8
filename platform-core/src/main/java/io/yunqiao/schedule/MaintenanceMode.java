package io.yunqiao.schedule;

import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The maintenance mode (维护模式): while it is on, no solution's schedule fires on any node of the cluster, so an
 * operator can let the running runs finish before stopping nodes for an upgrade. Runs already running go on, runs
 * started by hand (run now, re-push, dry runs) are still allowed, and a dead node's run is still taken over: only the
 * schedules wait. The pause is Quartz's paused trigger group in the clustered job store, written in the same
 * transaction as the mode's row, so every node obeys it and it outlasts restarts; a solution saved or switched on
 * meanwhile gets its trigger paused too, and its schedule starts again with the mode switched off.
 */
@Service
public class MaintenanceMode {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceMode.class);

    private final MaintenanceRepository rows;
    private final SolutionScheduler scheduler;
    private final InputLimits limits;
    private final Clock clock;

    MaintenanceMode(MaintenanceRepository rows, SolutionScheduler scheduler, InputLimits limits, Clock clock) {
        this.rows = rows;
        this.scheduler = scheduler;
        this.limits = limits;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public MaintenanceState state() {
        return row().state();
    }

    /**
     * Switches the mode on or off, by {@code by} and for the reason {@code note} (optional, at most a description's
     * length). Switching to the state it is in already only updates who, when and why.
     */
    @Transactional
    public MaintenanceState switchTo(boolean on, String by, String note) {
        limits.checkDescription("note", note);
        String why = note == null || note.isBlank() ? null : note.strip();
        Maintenance row = row();
        row.switchTo(on, by, why, clock.instant());
        if (on) {
            scheduler.pauseSchedules();
        } else {
            scheduler.resumeSchedules();
        }
        try {
            rows.flush();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.maintenance.changedMeanwhile");
        }
        LOG.info("maintenance mode switched {} by {}{}", on ? "on: every schedule paused" : "off: schedules resumed",
                by, why == null ? "" : " (" + why + ")");
        return row.state();
    }

    /**
     * Brings Quartz in line with the mode when a node starts: the row is what people switched, and Quartz's tables
     * may have been restored or recreated without it.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void reconcile() {
        if (row().active()) {
            scheduler.pauseSchedules();
            LOG.warn("maintenance mode is on: no solution's schedule fires until it is switched off (维护模式)");
        } else if (scheduler.schedulesPaused()) {
            scheduler.resumeSchedules();
            LOG.info("maintenance mode is off: the solutions' schedules paused in Quartz were resumed");
        }
    }

    private Maintenance row() {
        return rows.findById(Maintenance.ROW).orElseThrow(() -> new IllegalStateException(
                "the row of yq_maintenance is missing: the database was not migrated by Flyway (V22)"));
    }
}
