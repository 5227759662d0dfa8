package io.yunqiao.web.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.runs.RunFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The admin endpoints of the sandboxes the application mounts, as the tests read and steer them: as the
 * administrator, whose password the contexts using this class configure.
 */
final class SandboxAdmin {

    static final String ADMIN_PASSWORD = RunFixtures.ADMIN_PASSWORD;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;

    SandboxAdmin(int port) {
        this.base = "http://127.0.0.1:" + port + "/sandbox";
    }

    String kingdee() {
        return base + "/kingdee";
    }

    String jackyunGateway() {
        return base + "/jackyun/open/openapi/do";
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, String body) {
        return send("POST", path, body);
    }

    /** Everything Jackyun stored, and how many add calls it received per customerCode. */
    JsonNode customers() {
        return get("/jackyun/_admin/customers");
    }

    /** The ids of the platform's two connections to the sandboxes. */
    record Connected(long kingdee, long jackyun) {
    }

    /**
     * A clean platform on fresh sandboxes: both sandboxes reset, every solution and connection removed, and one
     * connection to each sandbox made again.
     */
    Connected freshPlatform(Solutions solutions, Connections connections) {
        resetBoth();
        solutions.list().forEach(s -> solutions.delete(s.id()));
        connections.list().forEach(c -> connections.delete(c.id()));
        long kingdeeId = connections.create(new ConnectionDraft("金蝶沙箱", "kingdee-jdy", Map.of(
                "baseUrl", kingdee(), "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1",
                "username", "demo", "password", "demo-pass"))).id();
        long jackyunId = connections.create(new ConnectionDraft("吉客云沙箱", "jackyun", Map.of(
                "baseUrl", jackyunGateway(), "appKey", "100200",
                "appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
        return new Connected(kingdeeId, jackyunId);
    }

    void resetBoth() {
        post("/jackyun/_admin/reset", "");
        post("/kingdee/_admin/reset", "");
    }

    private JsonNode send(String method, String path, String body) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", RunFixtures.basic("admin", ADMIN_PASSWORD))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
