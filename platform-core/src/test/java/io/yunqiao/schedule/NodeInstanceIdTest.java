package io.yunqiao.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.run.NodeName;
import org.junit.jupiter.api.Test;

/** The Quartz instance id names the node as {@code yunqiao.node-name} does, and stays unique per start. */
class NodeInstanceIdTest {

    @Test
    void theInstanceIdIsTheNodeNameAndTheStartTime() {
        NodeInstanceId generator = new NodeInstanceId();
        generator.setNodeName("node-1");

        long before = System.currentTimeMillis();
        String id = generator.generateInstanceId();

        assertThat(id).matches("node-1-\\d{13}");
        assertThat(Long.parseLong(id.substring("node-1-".length()))).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void withoutANodeNameTheHostNameIsUsed() {
        NodeInstanceId generator = new NodeInstanceId();
        generator.setNodeName("");

        assertThat(generator.generateInstanceId()).startsWith(NodeName.of("") + "-");
        assertThat(NodeName.of(" ")).isNotBlank();
    }

    @Test
    void aNodeNameWithSpacesOrSignsIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> NodeName.of("节点 1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yunqiao.node-name").hasMessageContaining("YUNQIAO_NODE_NAME");
        assertThatThrownBy(() -> NodeName.of("n".repeat(101))).isInstanceOf(IllegalArgumentException.class);
        assertThat(NodeName.of("node_2.example-com")).isEqualTo("node_2.example-com");
    }
}
