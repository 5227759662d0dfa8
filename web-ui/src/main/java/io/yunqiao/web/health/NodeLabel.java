package io.yunqiao.web.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.yunqiao.run.NodeName;
import org.springframework.boot.actuate.autoconfigure.metrics.MeterRegistryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The label {@code node} on every metric, from {@code yunqiao.node-name} (else the host name): the nodes of a cluster
 * report the same database-wide figures (the backlog) and their own (records, calls), and a dashboard tells them
 * apart by it. Set here rather than in {@code management.metrics.tags} so that the host name default is the one
 * {@link NodeName} uses.
 */
@Component
class NodeLabel implements MeterRegistryCustomizer<MeterRegistry> {

    private final NodeName node;

    NodeLabel(NodeName node) {
        this.node = node;
    }

    @Override
    public void customize(MeterRegistry registry) {
        registry.config().commonTags("node", node.value());
    }
}
