package io.yunqiao.connectors.kingdee;

import io.yunqiao.connector.Connection;
import java.util.Map;
import java.util.UUID;

/**
 * The connector conformance suite for Kingdee V1 ({@code kingdee-jdy}, a session token and the account group)
 * against the Kingdee sandbox. The vendor-specific refusals stay in {@link KingdeeFaultsIT}.
 */
class KingdeeV1ConformanceIT extends KingdeeConformance {

    @Override
    protected String connectorId() {
        return "kingdee-jdy";
    }

    @Override
    protected Connection connection() {
        return new Connection(UUID.randomUUID().toString(), "金蝶演示账套", "kingdee-jdy", Map.of(
                "baseUrl", server.baseUrl(),
                "clientId", "yunqiao-demo",
                "clientSecret", "demo-secret-v1",
                "username", "demo",
                "password", "demo-pass"));
    }
}
