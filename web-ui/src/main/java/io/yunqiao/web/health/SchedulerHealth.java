package io.yunqiao.web.health;

import io.yunqiao.run.ClusterNodes;
import io.yunqiao.run.NodeName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Ready only while Quartz fires triggers: a node whose scheduler is in standby or shut down serves the UI but runs
 * no solution, which a load balancer or orchestrator should know (readiness group, docs/operations.md). Its details
 * (signed-in users only) name this node and list the cluster's nodes from their Quartz check-ins: name, instance id,
 * last check-in and whether it counts as alive.
 */
@Component("scheduler")
class SchedulerHealth implements HealthIndicator {

    private final Scheduler scheduler;
    private final NodeName node;
    private final ClusterNodes cluster;

    SchedulerHealth(Scheduler scheduler, NodeName node, ClusterNodes cluster) {
        this.scheduler = scheduler;
        this.node = node;
        this.cluster = cluster;
    }

    @Override
    public Health health() {
        try {
            SchedulerMetaData meta = scheduler.getMetaData();
            Health.Builder health = meta.isStarted() && !meta.isInStandbyMode() && !meta.isShutdown()
                    ? Health.up() : Health.down();
            return health.withDetail("node", node.value())
                    .withDetail("instanceId", meta.getSchedulerInstanceId())
                    .withDetail("clustered", meta.isJobStoreClustered())
                    .withDetail("standby", meta.isInStandbyMode())
                    .withDetail("jobsExecuted", meta.getNumberOfJobsExecuted())
                    .withDetail("nodes", nodes()).build();
        } catch (SchedulerException e) {
            return Health.down(e).build();
        }
    }

    private List<Map<String, Object>> nodes() {
        try {
            return cluster.nodes().stream().map(SchedulerHealth::details).toList();
        } catch (DataAccessException e) {
            // the database's own indicator says it is down; the scheduler's state above still holds
            return List.of();
        }
    }

    private static Map<String, Object> details(ClusterNodes.Node node) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", node.name());
        details.put("instanceId", node.instance());
        details.put("lastCheckIn", node.lastCheckIn().toString());
        details.put("alive", node.alive());
        return details;
    }
}
