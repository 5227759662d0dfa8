package io.yunqiao.schedule;

import io.yunqiao.run.NodeName;
import org.quartz.spi.InstanceIdGenerator;

/**
 * Quartz's instance id of this node: {@code <node name>-<start millis>}, e.g. {@code node-1-1764815400000}, instead of
 * Quartz's host name plus time, so that claims, runs' {@code instance_id}, {@code QRTZ_SCHEDULER_STATE} and the
 * health page name the node as {@code YUNQIAO_NODE_NAME} does. Still unique per start: a restarted node is a new
 * instance, and its old self is recognised as dead (ClusterNodes relies on it).
 *
 * <p>Quartz makes it itself ({@code org.quartz.scheduler.instanceIdGenerator.class} with
 * {@code org.quartz.scheduler.instanceId: AUTO}) and sets {@link #setNodeName} from
 * {@code org.quartz.scheduler.instanceIdGenerator.nodeName}, which application.yml fills from
 * {@code yunqiao.node-name}: no Spring bean and no static state is needed before the scheduler starts.
 */
public class NodeInstanceId implements InstanceIdGenerator {

    private String nodeName = "";

    /** The configured node name; blank for the host name (as {@link NodeName}). */
    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    @Override
    public String generateInstanceId() {
        return NodeName.of(nodeName) + "-" + System.currentTimeMillis();
    }
}
