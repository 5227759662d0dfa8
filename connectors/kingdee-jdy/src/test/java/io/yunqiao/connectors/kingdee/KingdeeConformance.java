package io.yunqiao.connectors.kingdee;

import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.conformance.ConnectorConformance;
import io.yunqiao.connectors.kingdee.sandbox.KingdeeSandbox;
import io.yunqiao.sandbox.SandboxServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Kingdee sandbox for the conformance suite: a small data set (23 bills, so small pages end soon) and a registry
 * discovered from the class path, which also has Jackyun, the target of the templates shipped here.
 */
abstract class KingdeeConformance extends ConnectorConformance {

    SandboxServer server;
    private final ConnectorRegistry registry = ConnectorRegistry.discover(getClass().getClassLoader());

    @BeforeAll
    void startSandbox() {
        server = SandboxServer.start(new KingdeeSandbox().create(Map.of("end", "2026-11-28T00:00:00Z",
                "bills", "23")));
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
    protected String sandboxUrl() {
        return server.baseUrl();
    }
}
