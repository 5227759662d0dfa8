package io.yunqiao.connectors.jackyun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.conformance.ConnectorConformance;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connector conformance suite for Jackyun against its sandbox. Its auth signs every request and caches nothing,
 * so the auth-refresh check is skipped; the gateway's own rate limit stays in {@link GatewayRateLimitIT}.
 */
class JackyunConformanceIT extends ConnectorConformance {

    @RegisterExtension
    static final RunningJackyunSandbox sandbox = new RunningJackyunSandbox();

    @Override
    protected ConnectorRegistry registry() {
        return sandbox.client().registry();
    }

    @Override
    protected String connectorId() {
        return JackyunConnector.ID;
    }

    @Override
    protected Connection connection() {
        Connection demo = sandbox.connection();
        return new Connection(UUID.randomUUID().toString(), demo.name(), demo.connectorId(), demo.values());
    }

    @Override
    protected String sandboxUrl() {
        String admin = sandbox.adminUrl("");
        return admin.substring(0, admin.length() - "/_admin".length());
    }

    @Override
    protected void prepareSandbox() {
        ArrayNode customers = new ObjectMapper().createArrayNode();
        for (int i = 0; i < 11; i++) {
            customers.add(SampleCustomers.minimal("C-CONFORMANCE-" + i));
        }
        sandbox.seed(customers);
    }

    @Override
    protected Optional<Execution> execution() {
        return Optional.of(new Execution("crm.customer.add", SampleCustomers.minimal("C-MASKING")));
    }
}
