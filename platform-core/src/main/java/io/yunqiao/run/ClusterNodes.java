package io.yunqiao.run;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which nodes of the cluster are alive, read from the check-ins Quartz's clustered job store writes anyway
 * ({@code QRTZ_SCHEDULER_STATE}): nothing home-made beyond the database. A node is known by its Quartz instance id,
 * which is unique per process start (so a restarted node is a new instance and its old self counts as dead):
 * {@code <node name>-<start millis>} (io.yunqiao.schedule.NodeInstanceId).
 */
@Component
public class ClusterNodes {

    /** Quartz declares an instance failed this long after a missed check-in; we wait the same margin and more. */
    private static final long QUARTZ_GRACE_MILLIS = 7_500;

    /** The start time an instance id ends with. */
    private static final Pattern START_MILLIS = Pattern.compile("-?\\d{13}$");

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
        Set<String> alive = new HashSet<>();
        alive.add(self);
        nodes().stream().filter(Node::alive).forEach(node -> alive.add(node.instance()));
        return alive;
    }

    /**
     * A node of the cluster as its last check-in shows it, for the health page.
     *
     * @param name the node name ({@code yunqiao.node-name}): the instance id without its start time
     * @param instance the Quartz instance id
     * @param lastCheckIn when it last checked in
     * @param alive whether it checked in recently enough to count as running
     */
    public record Node(String name, String instance, Instant lastCheckIn, boolean alive) {
    }

    /** The nodes that checked in to the cluster's scheduler, alive or not yet recovered by another, by instance id. */
    public List<Node> nodes() {
        long now = clock.millis();
        List<Node> nodes = new ArrayList<>();
        jdbc.query("select INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL from " + table
                + " where SCHED_NAME = ? order by INSTANCE_NAME", row -> {
                    String instance = row.getString(1);
                    long lastCheckin = row.getLong(2);
                    long interval = row.getLong(3);
                    nodes.add(new Node(START_MILLIS.matcher(instance).replaceFirst(""), instance,
                            Instant.ofEpochMilli(lastCheckin), now <= lastCheckin + 2 * interval + QUARTZ_GRACE_MILLIS));
                }, schedulerName);
        return nodes;
    }

    boolean isAlive(String instance) {
        return instance != null && alive().contains(instance);
    }
}
