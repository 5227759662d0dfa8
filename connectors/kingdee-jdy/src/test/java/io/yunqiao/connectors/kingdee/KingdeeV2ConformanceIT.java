package io.yunqiao.connectors.kingdee;

import io.yunqiao.connector.Connection;
import java.util.Map;
import java.util.UUID;

/**
 * The connector conformance suite for Kingdee V2 ({@code kingdee-jdy-v2}, an app token and gateway-signed headers)
 * against the Kingdee sandbox.
 */
class KingdeeV2ConformanceIT extends KingdeeConformance {

    @Override
    protected String connectorId() {
        return "kingdee-jdy-v2";
    }

    @Override
    protected Connection connection() {
        return new Connection(UUID.randomUUID().toString(), "金蝶V2演示账套", "kingdee-jdy-v2", Map.of(
                "baseUrl", server.baseUrl(),
                "clientId", "yunqiao-v2-demo",
                "clientSecret", "demo-secret-v2",
                "appKey", "demo-app-key",
                "appSecret", "demo-app-secret"));
    }
}
