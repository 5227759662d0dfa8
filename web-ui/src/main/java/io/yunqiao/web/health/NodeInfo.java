package io.yunqiao.web.health;

import io.yunqiao.run.NodeName;
import java.util.LinkedHashMap;
import java.util.Map;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * {@code node.name} and {@code node.instance} in {@code /actuator/info}, beside {@code build.version} and
 * {@code git.commit.id} (from the build): which node answers and which start of it, to check after an upgrade that
 * every node runs the version meant (docs/operations.md).
 */
@Component
class NodeInfo implements InfoContributor {

    private final NodeName node;
    private final Scheduler scheduler;

    NodeInfo(NodeName node, Scheduler scheduler) {
        this.node = node;
        this.scheduler = scheduler;
    }

    @Override
    public void contribute(Info.Builder info) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", node.value());
        try {
            details.put("instance", scheduler.getSchedulerInstanceId());
        } catch (SchedulerException e) {
            // a scheduler shut down has no instance any more: the name alone still says which node this is
        }
        info.withDetail("node", details);
    }
}
