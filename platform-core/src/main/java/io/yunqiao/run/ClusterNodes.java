package io.yunqiao.run;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which nodes of the cluster are alive, read from the check-ins Quartz's clustered job store writes anyway
 * ({@code QRTZ_SCHEDULER_STATE}): nothing home-made beyond the database. A node is known by its Quartz instance id,
 * which is unique per process start (so a restarted node is a new instance and its old self counts as dead).
 */
@Component
class ClusterNodes {

    /** Quartz declares an instance failed this long after a missed check-in; we wait the same margin and more. */
    private static final long QUARTZ_GRACE_MILLIS = 7_500;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String self;
    private final String schedulerName;
    private final String table;

    ClusterNodes(Scheduler scheduler, JdbcTemplate jdbc, Clock clock,
            @Value("${spring.quartz.properties.org.quartz.jobStore.tablePrefix:QRTZ_}") String tablePrefix)
            throws SchedulerException {
        this.jdbc = jdbc;
        this.clock = clock;
        this.self = scheduler.getSchedulerInstanceId();
        this.schedulerName = scheduler.getSchedulerName();
        this.table = tablePrefix + "SCHEDULER_STATE";
    }

    /** This node's instance id. */
    String self() {
        return self;
    }

    /**
     * The instances that checked in recently, this one always included (it may run with its scheduler stopped, as
     * tests do). An instance missing from the table is dead: Quartz deletes its row when it recovers its jobs.
     */
    Set<String> alive() {
        long now = clock.millis();
        Set<String> alive = new HashSet<>();
        alive.add(self);
        jdbc.query("select INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL from " + table
                + " where SCHED_NAME = ?", row -> {
                    long lastCheckin = row.getLong(2);
                    long interval = row.getLong(3);
                    if (now <= lastCheckin + 2 * interval + QUARTZ_GRACE_MILLIS) {
                        alive.add(row.getString(1));
                    }
                }, schedulerName);
        return alive;
    }

    boolean isAlive(String instance) {
        return instance != null && alive().contains(instance);
    }
}
