package io.yunqiao.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connector.conformance.ConnectorConformance;
import io.yunqiao.sandbox.SandboxServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite for a connector from the plugins folder: a jar holding one definition and no Java, built by
 * the test, loaded as the platform loads it, against the shop sandbox.
 */
class PluginConnectorConformanceIT extends ConnectorConformance {

    private static final ClassLoader PLATFORM = PluginConnectorConformanceIT.class.getClassLoader();
    private static final String ID = "conformance-plugin-shop";

    private SandboxServer server;
    private Plugins plugins;

    @BeforeAll
    void startSandboxAndLoadThePlugin() throws IOException {
        server = SandboxServer.start(new ShopSandbox());
        Path folder = Files.createTempDirectory("yunqiao-plugins");
        folder.toFile().deleteOnExit();
        Path jar = PluginJars.jar(folder, "conformance-shop.jar",
                Map.of(Plugins.DEFINITIONS + ID + ".yaml", PluginJars.declarativeShopDefinition(ID)));
        jar.toFile().deleteOnExit();
        plugins = Plugins.load(folder, PLATFORM, ConnectorRegistry.discover(PLATFORM));
        if (!plugins.skipped().isEmpty()) {
            throw new IllegalStateException("the plugin jar was skipped: " + plugins.skipped());
        }
    }

    @AfterAll
    void stopSandbox() {
        server.close();
    }

    @Override
    protected ConnectorRegistry registry() {
        return plugins.registry();
    }

    @Override
    protected String connectorId() {
        return ID;
    }

    @Override
    protected Connection connection() {
        return new Connection(UUID.randomUUID().toString(), "插件商店", ID,
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

    @Override
    protected List<ConnectorProvider> providers() {
        return plugins.providers();
    }

}
