package io.yunqiao.web.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.problem.Problem;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/connectors")
@Tag(name = "Connectors 连接器目录", description = "The installed connector definitions: operations and fields")
class ConnectorsApi {

    private final ConnectorRegistry registry;

    ConnectorsApi(ConnectorRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    List<ConnectorDefinition> list() {
        return registry.definitions();
    }

    @GetMapping("/{id}")
    ConnectorDefinition get(@PathVariable String id) {
        return registry.find(id).orElseThrow(() -> Problem.notFound("connector", id));
    }
}
