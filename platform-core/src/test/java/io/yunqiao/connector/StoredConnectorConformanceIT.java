package io.yunqiao.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connector.conformance.ConnectorConformance;
import io.yunqiao.sandbox.SandboxServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite for a connector stored in the platform (as the REST API and the designer store one: read
 * from its text, made a stored definition of the live registry), against the shop sandbox.
 */
class StoredConnectorConformanceIT extends ConnectorConformance {

    private static final String ID = "conformance-stored-shop";

    private SandboxServer server;
    private final ConnectorRegistry registry = ConnectorRegistry.discover(getClass().getClassLoader());

    @BeforeAll
    void startSandboxAndStoreTheDefinition() {
        server = SandboxServer.start(new ShopSandbox());
        registry.replaceStored(List.of(DefinitionReader.read("stored connector " + ID,
                PluginJars.declarativeShopDefinition(ID))));
    }

    @AfterAll
    void stopSandbox() {
        server.close();
    }

    @Override
    protected ConnectorRegistry registry() {
        return registry;
    }

    @Override
    protected String connectorId() {
        return ID;
    }

    @Override
    protected Connection connection() {
        return new Connection(UUID.randomUUID().toString(), "保存的商店连接器", ID,
                Map.of("baseUrl", server.baseUrl(), "user", "alice", "secret", ShopSandbox.SECRET));
    }

    @Override
    protected String sandboxUrl() {
        return server.baseUrl();
    }

    @Override
    protected Optional<Execution> execution() {
        return Optional.of(new Execution("tickets.submit",
                new ObjectMapper().createObjectNode().put("title", "一致性测试")));
    }
}
