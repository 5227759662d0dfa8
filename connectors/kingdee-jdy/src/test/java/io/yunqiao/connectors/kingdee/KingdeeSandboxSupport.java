package io.yunqiao.connectors.kingdee;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.connectors.kingdee.sandbox.KingdeeSandbox;
import io.yunqiao.sandbox.SandboxServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * What every Kingdee IT shares: a Kingdee sandbox on a loopback port with a fixed data set, the platform's registry
 * and client discovered from the class path, connections that point at the sandbox, and the sandbox's admin API.
 * Every test starts from the generated data set, no faults, no rate limit and an empty call log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KingdeeSandboxSupport {

    /** The data set spans the 30 days before this instant. */
    static final Instant END = Instant.parse("2026-11-28T00:00:00Z");
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String LIST = "jdy/pur/pur_inbound_list";
    static final String DETAIL = "jdy/pur/pur_inbound_detail";
    static final String MATERIALS = "jdy/basedata/material_list";
    static final String V2_LIST = "jdy/v2/scm/pur_inbound";

    static final ObjectMapper JSON = new ObjectMapper();

    SandboxServer server;
    ConnectorRegistry registry;
    ConnectorClient client;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The sandbox settings of this class; override to change them. */
    Map<String, String> settings() {
        return Map.of("end", END.toString(), "bills", "1000");
    }

    @BeforeAll
    void startSandbox() {
        server = SandboxServer.start(new KingdeeSandbox().create(settings()));
        registry = ConnectorRegistry.discover(getClass().getClassLoader());
        client = new ConnectorClient(registry);
    }

    @AfterAll
    void stopSandbox() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void resetSandbox() {
        admin("POST", "/_admin/reset", "");
        admin("POST", "/_admin/rate-limit", "{\"perSecond\":0}");
    }

    /** A V1 connection with the sandbox's default credentials, a fresh id (so no token is cached) and overrides. */
    Connection v1Connection(String name, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of(
                "baseUrl", server.baseUrl(),
                "clientId", "yunqiao-demo",
                "clientSecret", "demo-secret-v1",
                "username", "demo",
                "password", "demo-pass"));
        values.putAll(overrides);
        return new Connection(UUID.randomUUID().toString(), name, "kingdee-jdy", values);
    }

    Connection v1Connection() {
        return v1Connection("金蝶演示账套", Map.of());
    }

    Connection v2Connection(String name, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of(
                "baseUrl", server.baseUrl(),
                "clientId", "yunqiao-v2-demo",
                "clientSecret", "demo-secret-v2",
                "appKey", "demo-app-key",
                "appSecret", "demo-app-secret"));
        values.putAll(overrides);
        return new Connection(UUID.randomUUID().toString(), name, "kingdee-jdy-v2", values);
    }

    /** Every page of a query, from the first until the client says there is no more. */
    List<QueryPage> fetchPages(Connection connection, String operation, Map<String, ?> params, int pageSize) {
        List<QueryPage> pages = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            QueryPage page = client.query(connection, operation, params, request);
            pages.add(page);
            if (!page.hasMore()) {
                return pages;
            }
            assertThat(pages).as("paging must end").hasSizeLessThan(10_000);
            request = page.next();
        }
    }

    List<JsonNode> fetchAll(Connection connection, String operation, Map<String, ?> params, int pageSize) {
        return fetchPages(connection, operation, params, pageSize).stream().flatMap(p -> p.records().stream())
                .toList();
    }

    static List<String> ids(List<JsonNode> records) {
        return records.stream().map(r -> r.path("id").asText()).toList();
    }

    static long millis(JsonNode record, String field) {
        return Long.parseLong(record.path(field).asText());
    }

    static LocalDate dayOf(JsonNode record, String field) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(millis(record, field)), CHINA);
    }

    /** Calls the sandbox's admin API; answers the parsed JSON body. */
    JsonNode admin(String method, String path, String body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).as("admin %s %s: %s", method, path, response.body()).isEqualTo(200);
        return parse(response.body());
    }

    void installFault(String kind, int count, String pathPrefix) {
        admin("POST", "/_admin/faults", "{\"kind\":\"" + kind + "\",\"count\":" + count + ",\"rate\":0,"
                + "\"latencyMs\":0,\"pathPrefix\":\"" + pathPrefix + "\"}");
    }

    /** The calls the sandbox received on a path. */
    List<JsonNode> callsTo(String path) {
        List<JsonNode> calls = new ArrayList<>();
        admin("GET", "/_admin/calls", "").forEach(call -> {
            if (call.path("path").asText().equals(path)) {
                calls.add(call);
            }
        });
        return calls;
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
