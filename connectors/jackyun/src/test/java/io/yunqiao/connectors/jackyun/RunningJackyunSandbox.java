package io.yunqiao.connectors.jackyun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connectors.jackyun.sandbox.JackyunSandbox;
import io.yunqiao.sandbox.SandboxServer;
import io.yunqiao.sandbox.SandboxServlet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Jackyun sandbox on a loopback port for one test class, with a connector client and a connection pointing at it.
 * Register as a static field with {@code @RegisterExtension}; every test starts from an empty sandbox with the
 * configured rate limit and no faults.
 */
public final class RunningJackyunSandbox implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    public static final String APP_KEY = "100200";
    public static final String APP_SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    public static final String CONNECTION_NAME = "吉客云沙箱";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> settings;
    private final HttpClient http = HttpClient.newHttpClient();
    private SandboxServer server;
    private SandboxServlet servlet;
    private ConnectorClient client;

    /** A sandbox with its default settings. */
    public RunningJackyunSandbox() {
        this(Map.of());
    }

    /** A sandbox with these settings (see {@link JackyunSandbox}). */
    public RunningJackyunSandbox(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        servlet = new JackyunSandbox().create(settings);
        server = SandboxServer.start(servlet);
        client = new ConnectorClient(ConnectorRegistry.discover(getClass().getClassLoader()));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        servlet.reset();
        servlet.setRateLimit(Integer.parseInt(settings.getOrDefault("rateLimit", "0")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    public SandboxServlet servlet() {
        return servlet;
    }

    public ConnectorClient client() {
        return client;
    }

    public ConnectorDefinition definition() {
        return client.registry().definition(JackyunConnector.ID);
    }

    /** Where the gateway answers: the value of the connection's baseUrl. */
    public String gatewayUrl() {
        return server.baseUrl() + JackyunSandbox.GATEWAY_PATH;
    }

    public String adminUrl(String path) {
        return server.baseUrl() + "/_admin" + path;
    }

    /** A connection with the sandbox's demo credentials. */
    public Connection connection() {
        return connectionWith(Map.of());
    }

    /** The demo connection with some values replaced. */
    public Connection connectionWith(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of("baseUrl", gatewayUrl(), "appKey", APP_KEY,
                "appSecret", APP_SECRET));
        values.putAll(overrides);
        return new Connection("jackyun-it", CONNECTION_NAME, JackyunConnector.ID, values);
    }

    /** {@code GET /_admin/customers}: count, customers and addCalls. */
    public JsonNode adminCustomers() {
        return send(HttpRequest.newBuilder(URI.create(adminUrl("/customers"))).GET());
    }

    /** {@code POST /_admin/customers}: stores customers directly, bypassing the gateway. */
    public JsonNode seed(JsonNode customers) {
        return send(HttpRequest.newBuilder(URI.create(adminUrl("/customers")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(customers.toString(), StandardCharsets.UTF_8)));
    }

    /** The stored customer with this code, or {@code null}. */
    public ObjectNode storedCustomer(String customerCode) {
        for (JsonNode customer : adminCustomers().get("customers")) {
            if (customer.get("customerCode").asText().equals(customerCode)) {
                return (ObjectNode) customer;
            }
        }
        return null;
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new AssertionError("sandbox admin answered HTTP " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("sandbox admin did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
